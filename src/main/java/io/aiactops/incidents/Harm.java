package io.aiactops.incidents;

/**
 * What a serious incident led to (Art. 3(49)), as in the harm classification of the Commission's
 * draft Art. 73 report template.
 */
public enum Harm {
    /** 3(49)(a): death of a person. */
    DEATH,
    /** 3(49)(a): serious harm to a person's health. */
    HEALTH,
    /** 3(49)(b): serious and irreversible disruption of the management or operation of critical infrastructure. */
    CRITICAL_INFRASTRUCTURE,
    /** 3(49)(c): infringement of Union-law obligations protecting fundamental rights. */
    FUNDAMENTAL_RIGHTS,
    /** 3(49)(d): serious harm to property. */
    PROPERTY,
    /** 3(49)(d): serious harm to the environment. */
    ENVIRONMENT
}
