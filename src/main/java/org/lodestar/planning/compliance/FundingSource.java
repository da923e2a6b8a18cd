package org.lodestar.planning.compliance;

import java.util.Arrays;

/**
 * The funding sources every district has; a district may add its own (a state grant by name). Codes are what
 * framework files and cost lines carry.
 */
public enum FundingSource {
    TITLE_I_A,
    TITLE_I_C,
    TITLE_II_A,
    TITLE_III_A,
    TITLE_IV_A,
    SCHOOL_IMPROVEMENT_1003,
    LOCAL,
    STATE,
    GRANT,
    OTHER;

    public static boolean isBuiltIn(String code) {
        return Arrays.stream(values()).anyMatch(source -> source.name().equals(code));
    }

    /** What kind of money it is, as the funds a district adds say of themselves. */
    public FundKind kind() {
        return switch (this) {
            case LOCAL -> FundKind.LOCAL;
            case STATE -> FundKind.STATE;
            case GRANT -> FundKind.GRANT;
            case OTHER -> FundKind.OTHER;
            default -> FundKind.FEDERAL;
        };
    }

    public String messageKey() {
        return "fund." + name();
    }
}
