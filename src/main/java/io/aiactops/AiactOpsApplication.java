package io.aiactops;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

// Kafka is set up from aiact.kafka.* only when bindings are configured (serving.KafkaIngestConfiguration).
@SpringBootApplication(exclude = KafkaAutoConfiguration.class)
@ConfigurationPropertiesScan
@EnableScheduling
@EnableProcessApplication("aiact-ops")
public class AiactOpsApplication {

    public static void main(String[] args) {
        SpringApplication.run(AiactOpsApplication.class, args);
    }
}
