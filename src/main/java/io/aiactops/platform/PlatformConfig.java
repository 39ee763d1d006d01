package io.aiactops.platform;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class PlatformConfig {

    /**
     * The one source of "now", so that tests can fix time and legal clocks stay testable. It ticks
     * in microseconds, the precision PostgreSQL keeps, so what we return equals what we stored.
     */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
