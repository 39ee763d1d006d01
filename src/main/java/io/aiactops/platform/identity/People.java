package io.aiactops.platform.identity;

import java.util.Optional;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** What the identity service knows of a person, for mails and sign-offs. */
public final class People {

    private People() {
    }

    /** The person's e-mail address; empty for an unknown user, or one without an address. */
    public static Optional<String> email(IdentityService identity, String userId) {
        return user(identity, userId).map(User::getEmail).filter(email -> !email.isBlank());
    }

    /** "First Last" as far as set; the user id for an unknown user, or one without a name. */
    public static String displayName(IdentityService identity, String userId) {
        return user(identity, userId)
                .map(u -> String.join(" ", Stream.of(u.getFirstName(), u.getLastName())
                        .filter(part -> part != null && !part.isBlank()).toList()))
                .filter(name -> !name.isBlank()).orElse(userId);
    }

    private static Optional<User> user(IdentityService identity, String userId) {
        return userId == null ? Optional.empty()
                : Optional.ofNullable(identity.createUserQuery().userId(userId).singleResult());
    }
}
