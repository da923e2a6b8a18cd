package org.lodestar.planning.compliance;

/** What a cost pays for, as far as the funding rules tell purposes apart (ESEA §§1116, 3115, 4105-4109). */
public enum Purpose {
    GENERAL,
    ADMINISTRATION,
    PARENT_FAMILY_ENGAGEMENT,
    WELL_ROUNDED,
    SAFE_AND_HEALTHY,
    TECHNOLOGY,
    /** Devices, equipment, software and one-time IT purchases under Title IV-A's technology purpose (§4109(b)). */
    TECHNOLOGY_INFRASTRUCTURE;

    public String messageKey() {
        return "purpose." + name();
    }
}
