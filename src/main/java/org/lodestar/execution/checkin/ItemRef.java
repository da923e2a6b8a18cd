package org.lodestar.execution.checkin;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** An item that takes check-ins, written {@code kind:id} in links ({@code /check-ins/new?item=project:...}). */
public record ItemRef(ItemKind kind, UUID id) {

    /** The item a link names, or empty when the text names none. */
    public static Optional<ItemRef> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ItemRef(
                    ItemKind.valueOf(text.substring(0, colon).toUpperCase(Locale.ROOT)),
                    UUID.fromString(text.substring(colon + 1))));
        } catch (IllegalArgumentException notOne) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return kind.code() + ":" + id;
    }
}
