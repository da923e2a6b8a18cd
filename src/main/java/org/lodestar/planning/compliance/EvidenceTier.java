package org.lodestar.planning.compliance;

/** ESSA's tiers of evidence (ESEA §8101(21)), strongest first. */
public enum EvidenceTier {
    STRONG,
    MODERATE,
    PROMISING,
    DEMONSTRATES_A_RATIONALE;

    /** Tiers 1-3: what §1003 school-improvement funds require (§8101(21)(B)). */
    public boolean isTierOneToThree() {
        return this != DEMONSTRATES_A_RATIONALE;
    }

    public String messageKey() {
        return "evidence." + name();
    }
}
