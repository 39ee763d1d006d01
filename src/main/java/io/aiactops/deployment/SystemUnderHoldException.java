package io.aiactops.deployment;

import io.aiactops.platform.web.ConflictException;

/** An activation refused because the system is under an evidence hold (Art. 73(6)); a 409 on the API. */
public class SystemUnderHoldException extends ConflictException {

    public SystemUnderHoldException(String message) {
        super(message);
    }
}
