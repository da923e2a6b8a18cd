package org.lodestar.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.Grant;
import org.lodestar.directory.Person;
import org.lodestar.directory.Role;
import org.lodestar.directory.School;
import org.lodestar.directory.SchoolLevel;
import org.lodestar.directory.SignedInUser;
import org.lodestar.directory.StudentGroup;
import org.lodestar.shared.Ids;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A web slice of the enrollment module: only enrollment and what it depends on (directory, shared; platform for
 * security, layout and the database), no planning, measures, execution, reports or demo. A planner opens the
 * enrollment page, gets the page that waits for the forecast, its htmx fragment answers "not yet" (204) and then
 * tells htmx to reload (HX-Refresh), and the page then shows the forecast of the district's own counts.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "platform")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestPropertySource(properties = {"lodestar.data-dir=target/test-data-enrollment-web", "lodestar.demo.enabled=false"})
class EnrollmentWebSliceTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    DirectoryApi directory;

    @Autowired
    EnrollmentApi enrollment;

    private SignedInUser aPlannerOfADistrictWithCounts() {
        String slug = "slice-" + Ids.next().toString().substring(0, 8);
        SignedInUser admin = directory.createDistrict(
                "Slice District",
                slug,
                false,
                List.of(new StudentGroup(StudentGroup.ALL, "All students", "Todos", "ALL", 0)),
                "Ada Admin",
                "admin@" + slug + ".example",
                "copper-fjord-lantern-8");
        UUID school = Ids.next();
        directory.addSchool(
                admin, new School(school, "Slice Elementary", null, SchoolLevel.ELEMENTARY, "K", "2", 300, null, 0));
        UUID planner = Ids.next();
        directory.addPerson(
                admin,
                new Person(
                        planner,
                        "planner@" + slug + ".example",
                        "Pat Planner",
                        true,
                        List.of(new Grant(Role.PLANNER, null)),
                        0),
                "copper-fjord-lantern-8");
        SignedInUser as = directory.currentAccount(admin.districtId(), planner).orElseThrow();
        List<EnrollmentApi.Count> counts = new ArrayList<>();
        for (int year = 2016; year <= 2025; year++) {
            counts.add(new EnrollmentApi.Count(school, year, "K", 80 + year % 3));
            counts.add(new EnrollmentApi.Count(school, year, "1", 78 + year % 4));
            counts.add(new EnrollmentApi.Count(school, year, "2", 77 + year % 2));
        }
        enrollment.recordCounts(as, counts);
        return as;
    }

    private MockHttpServletResponse get(String path, SignedInUser as, boolean htmx) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                .param("lang", "en")
                .with(user(as));
        if (htmx) {
            request.header("HX-Request", "true");
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    @Test
    void thePageWaitsForTheForecastThenItsFragmentReloadsIt() throws Exception {
        SignedInUser planner = aPlannerOfADistrictWithCounts();

        String first = get("/enrollment", planner, false).getContentAsString(StandardCharsets.UTF_8);
        if (first.contains("data-test=\"computing\"")) {
            assertThat(first).contains("hx-get=\"/enrollment/ready\"").contains("<nav");
            MockHttpServletResponse ready = get("/enrollment/ready", planner, true);
            for (int tries = 0; ready.getStatus() == 204 && tries < 600; tries++) {
                Thread.sleep(100);
                ready = get("/enrollment/ready", planner, true);
            }
            assertThat(ready.getStatus()).isEqualTo(200);
            assertThat(ready.getHeader("HX-Refresh")).isEqualTo("true");
            assertThat(ready.getContentAsString()).isEmpty();
        }
        String page = get("/enrollment", planner, false).getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Slice Elementary").contains("data-test=\"forecast-totals\"");
        assertThat(page).doesNotContain("data-test=\"computing\"");
    }
}
