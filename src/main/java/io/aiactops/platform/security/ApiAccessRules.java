package io.aiactops.platform.security;

/**
 * Each capability declares who may call its /api endpoints. Rules are checked before the body is
 * read, so a caller without the role gets 403 whatever they send; anything no capability declares
 * is denied.
 */
@FunctionalInterface
public interface ApiAccessRules {

    void declare(ApiAccess access);
}
