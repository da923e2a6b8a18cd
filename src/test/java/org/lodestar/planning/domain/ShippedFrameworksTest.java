package org.lodestar.planning.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.lodestar.planning.compliance.Component;
import org.lodestar.planning.compliance.Framework;
import org.lodestar.planning.compliance.FundingSource;
import org.lodestar.planning.compliance.PlanLevel;

/** The frameworks shipped inside the application read, and say what the compliance fact sheet says. */
class ShippedFrameworksTest {

    private final List<Framework> shipped = new ShippedFrameworks().all();

    @Test
    void theFederalAndTexasFrameworksAreShipped() {
        assertThat(shipped)
                .extracting(Framework::code)
                .contains(
                        "title-i-schoolwide",
                        "title-i-targeted-assistance",
                        "title-i-lea-plan",
                        "parent-family-engagement-district",
                        "parent-family-engagement-school",
                        "title-iv-a",
                        "title-i-c-migrant",
                        "title-iii-a",
                        "title-ii-a",
                        "school-improvement-csi-tsi",
                        "texas-district-improvement-plan",
                        "texas-campus-improvement-plan",
                        "texas-emergency-operations-plan",
                        "school-emergency-operations-plan",
                        "technology-plan-cipa");
        assertThat(shipped).filteredOn(f -> f.jurisdiction().equals("TX")).hasSize(3);
    }

    @Test
    void everyComponentIsWrittenInBothLanguagesWithItsLawAndBuiltInFunds() {
        for (Framework framework : shipped) {
            assertThat(framework.title().fallsBackIn(Locale.ENGLISH))
                    .as(framework.code())
                    .isFalse();
            assertThat(framework.title().fallsBackIn(Locale.forLanguageTag("es")))
                    .as(framework.code())
                    .isFalse();
            for (Component component : framework.components()) {
                String where = framework.code() + " " + component.code();
                assertThat(component.requirement().en()).as(where).isNotBlank();
                assertThat(component.requirement().es()).as(where).isNotBlank();
                assertThat(component.citation()).as(where).isNotBlank();
                assertThat(component.funds())
                        .as(where)
                        .allSatisfy(fund ->
                                assertThat(FundingSource.isBuiltIn(fund)).isTrue());
                // a fact confirmed in a source names it; only facts still to be checked may have none
                if (!component.toBeChecked()) {
                    assertThat(component.sources()).as(where).isNotEmpty();
                }
            }
        }
    }

    @Test
    void theSchoolwidePlanIsASchoolsPlanAndTheFactsMarkedUnverifiedAreToBeChecked() {
        Framework schoolwide = shipped.stream()
                .filter(f -> f.code().equals("title-i-schoolwide"))
                .findFirst()
                .orElseThrow();

        assertThat(schoolwide.level()).isEqualTo(PlanLevel.SCHOOL);
        assertThat(schoolwide.funds()).containsExactly("TITLE_I_A");
        // fact 1.11 (the §1114(b)(7)(A)(iii) list of strategies) is the one the fact sheet marks as not confirmed
        assertThat(schoolwide.components())
                .filteredOn(Component::toBeChecked)
                .singleElement()
                .satisfies(c -> assertThat(c.citation()).contains("1114(b)(7)(A)(iii)"));
        assertThat(shipped.stream().mapToLong(Framework::toBeChecked).sum()).isEqualTo(31);
    }
}
