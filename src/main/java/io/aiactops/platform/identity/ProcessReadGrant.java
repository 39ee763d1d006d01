package io.aiactops.platform.identity;

/**
 * A capability's grant of READ_INSTANCE on one of its process definitions to a group, declared as a
 * bean so that the process key stays in the capability's process class; {@link IdentityBootstrap}
 * adds it at start-up like the grants of its own table.
 */
public record ProcessReadGrant(String groupId, String processKey) {
}
