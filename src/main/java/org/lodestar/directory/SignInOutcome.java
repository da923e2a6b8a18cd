package org.lodestar.directory;

import java.util.List;

/** What a sign-in with an address and a password came to. */
public sealed interface SignInOutcome {

    /** The password opens exactly one account (in the district asked for, when one was). */
    record SignedIn(SignedInUser user) implements SignInOutcome {}

    /** Wrong address or password; which of the two is not said. */
    record Refused() implements SignInOutcome {}

    /** Too many failures lately from this address or on this account: nothing was checked. */
    record Throttled() implements SignInOutcome {}

    /**
     * The address and password open accounts in several districts; the person chooses one. Only someone who knows the
     * password learns which districts these are.
     */
    record ChooseDistrict(List<District> districts) implements SignInOutcome {}
}
