package org.lodestar.shared;

import com.github.f4b6a3.uuid.UuidCreator;
import java.util.UUID;

/** Application-generated ids: time-ordered UUID v7, so that new rows land at the end of their index. */
public final class Ids {

    private Ids() {}

    public static UUID next() {
        return UuidCreator.getTimeOrderedEpoch();
    }
}
