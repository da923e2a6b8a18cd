package org.lodestar.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Check-ins with evidence files: saved whole with their files, or refused with every reason at its field and nothing
 * saved (a file too large, one that is not what its name says, too many files, no status); files come back only as
 * attachments with the type they were stored with; another district's file is not found, and a person who may not
 * post on the item is refused before anything they sent is kept.
 */
@LodestarTest
class CheckInsTest {

    static final byte[] PDF =
            "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    private SignedInUser planner;
    private UUID project;

    @BeforeEach
    void aProject() {
        planner = fixtures.user("planner@lakeview.example");
        project = fixtures.any(
                "select id from project where district_id = ? and archived_at is null order by title limit 1");
    }

    @Test
    void aCheckInIsSavedWithItsFilesAndShownNewestFirstWithDownloadsAsAttachments() throws Exception {
        MockHttpServletResponse posted = send(post().file(file("minutes.pdf", PDF))
                .file(file("attendance.csv", "school,attended\nCedar,42\n".getBytes(StandardCharsets.UTF_8)))
                .param("status", "AT_RISK")
                .param("whatHappened", "Two of four coaches hired.")
                .param("whatWeLearned", "Postings close too early.")
                .param("whatChanges", "We post again in January."));
        assertThat(posted.getStatus()).isEqualTo(302);
        assertThat(posted.getRedirectedUrl()).isEqualTo("/check-ins?item=project:" + project + "&posted");

        String page = page("/check-ins?item=project:" + project);
        assertThat(page)
                .contains(
                        "Two of four coaches hired.",
                        "Postings close too early.",
                        "We post again in January.",
                        "At risk",
                        "Priya Natarajan",
                        "minutes.pdf",
                        "attendance.csv",
                        "Last updated");
        UUID pdf = fixtures.jdbc()
                .sql("select id from check_in_file where file_name = 'minutes.pdf' order by position limit 1")
                .query(UUID.class)
                .list()
                .get(0);
        MockHttpServletResponse download = mvc.perform(
                        get("/check-ins/files/" + pdf).with(user(fixtures.user("board@lakeview.example"))))
                .andReturn()
                .getResponse();
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getHeader("Content-Disposition"))
                .startsWith("attachment;")
                .contains("minutes.pdf");
        assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.getContentType()).isEqualTo("application/pdf");
        assertThat(download.getContentAsByteArray()).isEqualTo(PDF);

        // another district's people do not find it, whatever their role
        SignedInUser outsider = fixtures.otherDistrictUser("DISTRICT_ADMIN");
        assertThat(mvc.perform(get("/check-ins/files/" + pdf).with(user(outsider)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/check-ins?item=project:" + project).with(user(outsider)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void badFilesAreRefusedWithEveryReasonAndNothingIsSaved() throws Exception {
        int checkIns = fixtures.count("check_in");
        int files = fixtures.count("check_in_file");

        byte[] html = "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        byte[] large = Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1);
        MockHttpServletResponse refused = send(post().file(file("report.pdf", html))
                .file(file("picture.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8)))
                .file(file("run.txt", new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0}))
                .file(file("big.pdf", large))
                .file(file("photo.jpg", PNG))
                .param("status", "ON_TRACK")
                .param("whatHappened", "Refused anyway."));
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
                .contains(
                        "Nothing was saved.",
                        "report.pdf is not kept: only PDF, PNG, JPEG, Word (DOCX), Excel (XLSX), CSV and plain text",
                        "picture.svg is not kept",
                        "run.txt is not kept",
                        "photo.jpg is not kept",
                        "big.pdf is larger than 10 MB.",
                        "Refused anyway.");

        MockMultipartHttpServletRequestBuilder six =
                post().param("status", "ON_TRACK").param("whatHappened", "Six.");
        for (int i = 0; i < 6; i++) {
            six.file(file("page" + i + ".pdf", PDF));
        }
        assertThat(send(six).getContentAsString(StandardCharsets.UTF_8))
                .contains("At most 5 files a check-in; 6 were chosen.");

        MockHttpServletResponse noStatus = send(post().file(file("minutes.pdf", PDF)));
        assertThat(noStatus.getStatus()).isEqualTo(422);
        assertThat(noStatus.getContentAsString(StandardCharsets.UTF_8))
                .contains("id=\"status-error\"", "Choose a status.", "Say what happened.");

        MockHttpServletResponse spanish = send(post().file(file("informe.pdf", html))
                .param("status", "ON_TRACK")
                .param("whatHappened", "x")
                .param("lang", "es"));
        assertThat(spanish.getContentAsString(StandardCharsets.UTF_8))
                .contains("No se guardó nada.", "informe.pdf no se guarda");

        assertThat(fixtures.count("check_in")).isEqualTo(checkIns);
        assertThat(fixtures.count("check_in_file")).isEqualTo(files);
    }

    @Test
    void aPersonWhoMayNotPostOnTheItemIsRefusedAndNothingIsSaved() throws Exception {
        int checkIns = fixtures.count("check_in");
        for (String who : new String[] {"board@lakeview.example", "teacher@lakeview.example"}) {
            MockHttpServletResponse refused = mvc.perform(multipart("/check-ins")
                            .file(file("minutes.pdf", PDF))
                            .param("item", "project:" + project)
                            .param("status", "ON_TRACK")
                            .param("whatHappened", "Not mine to say.")
                            .with(user(fixtures.user(who)))
                            .with(csrf()))
                    .andReturn()
                    .getResponse();
            assertThat(refused.getStatus()).as(who).isEqualTo(403);
        }
        // the viewer reads the check-ins but gets no form
        assertThat(mvc.perform(get("/check-ins/new?item=project:" + project)
                                .with(user(fixtures.user("board@lakeview.example"))))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("Check-ins are posted by the owner")
                .doesNotContain("data-test=\"check-in-form\"");
        assertThat(fixtures.count("check_in")).isEqualTo(checkIns);
        // a link naming nothing is not found
        assertThat(mvc.perform(get("/check-ins/new?item=nonsense").with(user(planner)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    private MockMultipartHttpServletRequestBuilder post() {
        MockMultipartHttpServletRequestBuilder request = multipart("/check-ins");
        request.param("item", "project:" + project).with(user(planner)).with(csrf());
        return request;
    }

    private MockHttpServletResponse send(MockMultipartHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user(planner)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static MockMultipartFile file(String name, byte[] bytes) {
        return new MockMultipartFile("files", name, "application/octet-stream", bytes);
    }
}
