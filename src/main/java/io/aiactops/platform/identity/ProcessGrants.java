package io.aiactops.platform.identity;

import java.util.List;

/** A capability's {@link ProcessGrant}s, one bean per capability. */
public record ProcessGrants(List<ProcessGrant> grants) {

    public static ProcessGrants of(ProcessGrant... grants) {
        return new ProcessGrants(List.of(grants));
    }
}
