package io.aiactops.platform.security;

import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.authorization.Groups;

/** The groups of Camunda's identity service that our API and the webapps authorize against. */
public final class Roles {

    public static final String OVERSEERS = "ai-overseers";
    public static final String INCIDENT_MANAGERS = "incident-managers";
    public static final String PROCESS_OWNERS = "process-owners";
    public static final String AUDITORS = "auditors";
    public static final String INGEST = "monitoring-ingest";
    /** Machine clients of deployers, which report serious incidents to us first (Art. 26(5)). */
    public static final String DEPLOYERS = "deployer-clients";
    public static final String ADMINS = Groups.CAMUNDA_ADMIN;

    /** The roles of people (not machine clients). */
    public static final String[] PEOPLE = {OVERSEERS, INCIDENT_MANAGERS, PROCESS_OWNERS, AUDITORS};

    /** Every role a person or machine client can hold, administrators included. */
    public static final List<String> ALL = List.of(OVERSEERS, INCIDENT_MANAGERS, PROCESS_OWNERS, AUDITORS, INGEST, DEPLOYERS, ADMINS);

    private Roles() {
    }

    /** The given roles plus administrators, who may do everything, as authority names. */
    public static String[] anyOf(String... roles) {
        return Stream.concat(Stream.of(roles), Stream.of(ADMINS)).distinct().toArray(String[]::new);
    }
}
