package org.lodestar.directory;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The person behind a request, always bound to one district: every query they cause runs in that district. A signed-in
 * session keeps the {@code sessionEpoch} it began with; a password change raises the stored one, which ends it.
 */
public record SignedInUser(
        UUID districtId,
        UUID userId,
        String email,
        String displayName,
        String passwordHash,
        boolean active,
        int sessionEpoch,
        List<Grant> grants)
        implements UserDetails {

    public boolean has(Role role) {
        return grants.stream().anyMatch(grant -> grant.role() == role && grant.districtWide());
    }

    public boolean isAdmin() {
        return has(Role.DISTRICT_ADMIN);
    }

    /** District admins and planners edit district plans, KPIs and settings of plans. */
    public boolean canPlanForDistrict() {
        return isAdmin() || has(Role.PLANNER);
    }

    /** A school's plan and data are edited by the district's planners and by that school's leaders. */
    public boolean canLeadSchool(UUID schoolId) {
        return canPlanForDistrict()
                || grants.stream()
                        .anyMatch(grant -> grant.role() == Role.SCHOOL_LEADER && schoolId.equals(grant.schoolId()));
    }

    /** Schools this person leads (empty for district-wide planners, who lead every school). */
    public List<UUID> ledSchools() {
        return grants.stream()
                .filter(grant -> grant.role() == Role.SCHOOL_LEADER && !grant.districtWide())
                .map(Grant::schoolId)
                .toList();
    }

    /** Recording a measured value: planners, school leaders for their school, and contributors. */
    public boolean canRecordMeasurements(UUID schoolId) {
        if (canPlanForDistrict()) {
            return true;
        }
        return grants.stream()
                .anyMatch(grant -> (grant.role() == Role.SCHOOL_LEADER || grant.role() == Role.CONTRIBUTOR)
                        && (grant.districtWide() || (schoolId != null && schoolId.equals(grant.schoolId()))));
    }

    /** The first school this person may record values for, when they may not record for the district (else null). */
    public UUID recordingSchool() {
        return grants.stream()
                .filter(grant -> grant.role() == Role.SCHOOL_LEADER || grant.role() == Role.CONTRIBUTOR)
                .map(Grant::schoolId)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return grants.stream()
                .map(grant -> new SimpleGrantedAuthority("ROLE_" + grant.role().name()))
                .distinct()
                .toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public String toString() {
        return "SignedInUser[" + email + "]";
    }
}
