package org.lodestar.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.compliance.Framework;
import org.lodestar.planning.compliance.FrameworkFile;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The required-plan frameworks as a district works with them: the shipped ones for everyone to read, an admin's
 * changes as new versions (never in place, never lost to a second editor), imports all or nothing, and a district's
 * own framework invisible to every other district.
 */
@LodestarTest
class ComplianceFrameworksTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    private MockHttpServletResponse send(SignedInUser who, AbstractMockHttpServletRequestBuilder<?> request)
            throws Exception {
        return mvc.perform(request.with(user(who)).with(csrf())).andReturn().getResponse();
    }

    private SignedInUser admin() {
        return fixtures.user("admin@lakeview.example");
    }

    private SignedInUser board() {
        return fixtures.user("board@lakeview.example");
    }

    @Test
    void everyoneReadsTheShippedFrameworksInTheirLanguage() throws Exception {
        MockHttpServletResponse list = send(board(), get("/compliance").param("lang", "es"));

        assertThat(list.getStatus()).isEqualTo(200);
        assertThat(list.getContentAsString(StandardCharsets.UTF_8))
                .contains(
                        "Planes requeridos",
                        "Plan de programa schoolwide de Título I, Parte A",
                        "Texas Education Code §11.253")
                .doesNotContain("/compliance/import");

        String schoolwide =
                send(board(), get("/compliance/title-i-schoolwide")).getContentAsString(StandardCharsets.UTF_8);
        assertThat(schoolwide)
                .contains(
                        "Title I, Part A schoolwide program plan",
                        "SW-03",
                        "Comprehensive needs assessment of the whole school",
                        "34 CFR 200.26");
        assertThat(send(board(), get("/compliance/no-such-plan")).getStatus()).isEqualTo(404);
    }

    @Test
    void anAdminsChangeToAComponentIsANewVersionAndASecondEditorIsRefused() throws Exception {
        String page = "/compliance/technology-plan-cipa/components/TECH-01";
        assertThat(send(board(), get(page)).getStatus()).isEqualTo(403);
        int read = currentVersion("technology-plan-cipa");

        MockHttpServletResponse first =
                send(admin(), component(page, "Internet safety policy, as our board adopted it", read));
        MockHttpServletResponse second = send(admin(), component(page, "Internet safety policy (Ben's wording)", read));

        assertThat(first.getStatus()).isEqualTo(302);
        assertThat(second.getStatus()).isEqualTo(409);
        assertThat(second.getContentAsString(StandardCharsets.UTF_8))
                .contains("data-test=\"edit-conflict\"", "as our board adopted it", "Ben&#39;s wording")
                .contains("name=\"version\" value=\"" + (read + 1) + "\"");
        assertThat(currentVersion("technology-plan-cipa")).isEqualTo(read + 1);
        assertThat(send(board(), get("/compliance/technology-plan-cipa")).getContentAsString(StandardCharsets.UTF_8))
                .contains("Internet safety policy, as our board adopted it")
                .doesNotContain("Ben&#39;s wording");
        assertThat(fixtures.jdbc()
                        .sql("select count(*) from audit_event where district_id = ? and entity_id = ?")
                        .params(
                                fixtures.demoDistrict(),
                                UUID.nameUUIDFromBytes(
                                        "compliance-framework:technology-plan-cipa".getBytes(StandardCharsets.UTF_8)))
                        .query(Integer.class)
                        .single())
                .isPositive();
    }

    @Test
    void aComponentNeedsATitleInOneLanguage() throws Exception {
        MockHttpServletResponse refused = send(
                admin(),
                post("/compliance/title-ii-a/components/" + firstComponent("title-ii-a"))
                        .param("titleEn", " ")
                        .param("titleEs", "")
                        .param("requirementEn", "Something")
                        .param("citation", "ESEA §2102")
                        .param("version", String.valueOf(currentVersion("title-ii-a"))));

        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
                .contains("Give the component a title in English or Spanish.");
    }

    @Test
    void aDistrictImportsItsOwnFrameworkWhichNoOtherDistrictSees() throws Exception {
        String code = "lakeview-literacy-" + UUID.randomUUID().toString().substring(0, 8);
        MockHttpServletResponse imported = send(admin(), upload(framework(code, "Early literacy plan")));

        assertThat(imported.getStatus()).isEqualTo(302);
        assertThat(imported.getRedirectedUrl()).isEqualTo("/compliance/" + code + "?imported");
        assertThat(send(board(), get("/compliance")).getContentAsString(StandardCharsets.UTF_8))
                .contains("Early literacy plan");

        SignedInUser outsider = fixtures.otherDistrictUser("DISTRICT_ADMIN");
        assertThat(send(outsider, get("/compliance/" + code)).getStatus()).isEqualTo(404);
        assertThat(send(outsider, get("/compliance")).getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("Early literacy plan");
        assertThat(send(outsider, get("/compliance/" + code + "/export")).getStatus())
                .isEqualTo(404);

        // importing the same code again is its next version
        assertThat(send(admin(), upload(framework(code, "Early literacy plan, revised")))
                        .getStatus())
                .isEqualTo(302);
        assertThat(currentVersion(code)).isEqualTo(2);
    }

    @Test
    void aBadFileIsRefusedWithEveryProblemByLineAndChangesNothing() throws Exception {
        int before = fixtures.count("compliance_framework");
        String bad = new String(
                        framework("bad-" + UUID.randomUUID().toString().substring(0, 8), "Bad"), StandardCharsets.UTF_8)
                .replace("\"citation\" : \"ORC 1\"", "\"citation\" : \"ORC 1\", \"weight\" : 3");

        MockHttpServletResponse refused = send(admin(), upload(bad.getBytes(StandardCharsets.UTF_8)));

        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
                .contains("data-test=\"import-errors\"", "Unknown field &quot;weight&quot;.");
        assertThat(fixtures.count("compliance_framework")).isEqualTo(before);

        MockHttpServletResponse spanish = send(
                admin(), upload("{ not json".getBytes(StandardCharsets.UTF_8)).param("lang", "es"));
        assertThat(spanish.getContentAsString(StandardCharsets.UTF_8)).contains("Aquí el JSON no es válido.");
    }

    @Test
    void onlyAnAdminImportsAndTheFileIsNotReadOtherwise() throws Exception {
        int before = fixtures.count("compliance_framework");

        MockHttpServletResponse refused = send(board(), upload(framework("board-plan", "Board plan")));

        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(fixtures.count("compliance_framework")).isEqualTo(before);
    }

    @Test
    void theExportReadsBackAsTheSameFramework() throws Exception {
        MockHttpServletResponse export = send(board(), get("/compliance/title-iv-a/export"));

        assertThat(export.getStatus()).isEqualTo(200);
        assertThat(export.getHeader("Content-Disposition")).contains("attachment", "title-iv-a-v");
        Framework read = FrameworkFile.read(export.getContentAsByteArray());
        assertThat(read.code()).isEqualTo("title-iv-a");
        assertThat(read.components()).hasSizeGreaterThan(5);
    }

    @Test
    void aHiddenFrameworkIsGoneForEveryoneButTheAdmin() throws Exception {
        int read = currentVersion("title-i-targeted-assistance");
        assertThat(send(
                                admin(),
                                post("/compliance/title-i-targeted-assistance/hidden")
                                        .param("hidden", "true")
                                        .param("version", String.valueOf(read)))
                        .getStatus())
                .isEqualTo(302);

        assertThat(send(board(), get("/compliance")).getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("Title I, Part A targeted assistance");
        assertThat(send(board(), get("/compliance/title-i-targeted-assistance")).getStatus())
                .isEqualTo(404);
        assertThat(send(admin(), get("/compliance")).getContentAsString(StandardCharsets.UTF_8))
                .contains("targeted assistance");

        assertThat(send(
                                admin(),
                                post("/compliance/title-i-targeted-assistance/hidden")
                                        .param("hidden", "false")
                                        .param("version", String.valueOf(read + 1)))
                        .getStatus())
                .isEqualTo(302);
        assertThat(send(board(), get("/compliance/title-i-targeted-assistance")).getStatus())
                .isEqualTo(200);
    }

    private int currentVersion(String code) throws Exception {
        String page = send(admin(), get("/compliance/" + code + "/export")).getContentAsString(StandardCharsets.UTF_8);
        return FrameworkFile.read(page.getBytes(StandardCharsets.UTF_8)).version();
    }

    private String firstComponent(String code) throws Exception {
        String page = send(admin(), get("/compliance/" + code + "/export")).getContentAsString(StandardCharsets.UTF_8);
        return FrameworkFile.read(page.getBytes(StandardCharsets.UTF_8))
                .components()
                .get(0)
                .code();
    }

    private static MockHttpServletRequestBuilder component(String page, String title, int version) {
        return post(page)
                .param("titleEn", title)
                .param("titleEs", "Política de seguridad en Internet")
                .param("requirementEn", "Adopt and enforce an Internet safety policy.")
                .param("requirementEs", "")
                .param("citation", "47 U.S.C. 254(h)")
                .param("version", String.valueOf(version));
    }

    private static MockMultipartHttpServletRequestBuilder upload(byte[] json) {
        return multipart("/compliance/import")
                .file(new MockMultipartFile("file", "plan.json", "application/json", json));
    }

    private static byte[] framework(String code, String title) {
        return ("""
                {
                  "code" : "%s",
                  "version" : 1,
                  "jurisdiction" : "WI",
                  "level" : "SCHOOL",
                  "citation" : "ORC 1",
                  "title" : { "en" : "%s" },
                  "components" : [ {
                    "code" : "EL-01",
                    "title" : { "en" : "Reading screening", "es" : "Evaluación de lectura" },
                    "requirement" : { "en" : "Screen every K-3 student three times a year." },
                    "citation" : "ORC 1",
                    "level" : "SCHOOL",
                    "funds" : [ "STATE" ],
                    "toBeChecked" : false,
                    "sources" : [ ]
                  } ]
                }
                """).formatted(code, title).getBytes(StandardCharsets.UTF_8);
    }
}
