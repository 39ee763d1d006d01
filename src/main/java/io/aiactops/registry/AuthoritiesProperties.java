package io.aiactops.registry;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The market surveillance authority of each Member State that receives our Art. 73 reports
 * ({@code aiact.authorities.<ISO country>.email}, optional {@code .name}).
 */
@ConfigurationProperties("aiact")
public record AuthoritiesProperties(Map<String, Authority> authorities) {

    public record Authority(String email, String name) {
    }

    public AuthoritiesProperties {
        Map<String, Authority> byCode = new HashMap<>();
        if (authorities != null) {
            // Environment variables lose the case of map keys; Member States are upper-case codes.
            authorities.forEach((code, authority) -> byCode.put(code.toUpperCase(Locale.ROOT), authority));
        }
        authorities = Map.copyOf(byCode);
    }

    public Optional<Authority> of(String memberState) {
        return Optional.ofNullable(authorities.get(memberState)).filter(a -> a.email() != null && !a.email().isBlank());
    }
}
