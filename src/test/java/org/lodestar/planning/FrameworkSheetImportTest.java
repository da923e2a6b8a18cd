package org.lodestar.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.compliance.Framework;
import org.lodestar.planning.compliance.FrameworkFile;
import org.lodestar.planning.compliance.FrameworkSheet;
import org.lodestar.support.Fixtures;
import org.lodestar.support.LodestarTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * A framework exported as XLSX by one admin comes back as the same framework, and imported becomes its next version;
 * a workbook with a wrong row changes nothing and says which row, in the reader's language; only an admin imports.
 */
@LodestarTest
class FrameworkSheetImportTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    private MockHttpServletResponse send(SignedInUser who, AbstractMockHttpServletRequestBuilder<?> request)
            throws Exception {
        return mvc.perform(request.with(user(who)).with(csrf())).andReturn().getResponse();
    }

    private Framework current(SignedInUser who, String code) throws Exception {
        return FrameworkFile.read(
                send(who, get("/compliance/" + code + "/export")).getContentAsByteArray());
    }

    @Test
    void aFrameworkGoesOutAsXlsxAndComesBackAsItsNextVersion() throws Exception {
        SignedInUser admin = fixtures.user("admin@lakeview.example");
        Framework json = current(admin, "title-iii-a");

        MockHttpServletResponse xlsx = send(admin, get("/compliance/title-iii-a/export.xlsx"));
        assertThat(xlsx.getStatus()).isEqualTo(200);
        assertThat(xlsx.getHeader("Content-Disposition")).contains("title-iii-a-v" + json.version() + ".xlsx");
        assertThat(FrameworkSheet.read("title-iii-a.xlsx", new ByteArrayInputStream(xlsx.getContentAsByteArray())))
                .isEqualTo(json);

        MockMultipartFile upload = new MockMultipartFile(
                "file", "title-iii-a.xlsx", "application/octet-stream", xlsx.getContentAsByteArray());
        assertThat(send(
                                fixtures.user("planner@lakeview.example"),
                                multipart("/compliance/import").file(upload))
                        .getStatus())
                .isEqualTo(403);
        MockHttpServletResponse imported =
                send(admin, multipart("/compliance/import").file(upload));
        assertThat(imported.getRedirectedUrl()).isEqualTo("/compliance/title-iii-a?imported");
        assertThat(current(admin, "title-iii-a")).isEqualTo(json.withVersion(json.version() + 1));
    }

    @Test
    void aWorkbookWithAWrongRowChangesNothingAndSaysWhichRow() throws Exception {
        SignedInUser admin = fixtures.user("admin@lakeview.example");
        Framework before = current(admin, "title-i-c-migrant");
        Framework broken = new Framework(
                before.code(),
                before.version(),
                before.jurisdiction(),
                before.level(),
                before.funds(),
                before.citation(),
                before.title(),
                before.shortTitle(),
                before.purpose(),
                before.reviewCadence(),
                java.util.stream.Stream.concat(
                                before.components().stream(),
                                before.components().stream().limit(1))
                        .toList());
        MockMultipartFile upload = new MockMultipartFile(
                "file", "title-i-c-migrant.xlsx", "application/octet-stream", FrameworkSheet.write(broken));

        MockHttpServletResponse refused =
                send(admin, multipart("/compliance/import").file(upload).param("lang", "es"));

        assertThat(refused.getStatus()).isEqualTo(422);
        int row = broken.components().size() + 1;
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
                .contains("data-test=\"import-errors\"")
                .contains("<td>" + row + "</td>")
                .contains(
                        "El código de componente " + before.components().get(0).code() + " se usa dos veces.");
        assertThat(current(admin, "title-i-c-migrant")).isEqualTo(before);
    }
}
