package org.lodestar.reports;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.reports.BriefingBooks.Format;
import org.lodestar.reports.BriefingContent.Section;
import org.lodestar.shared.NotFoundException;
import org.lodestar.shared.SchoolYear;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The board's briefing book of a plan: the form (sections, school year, PDF or workbook), the page that follows its
 * making (htmx asks for the progress every second until it is done) and the download. Anyone who reads the district's
 * plans may make one; a book of another district is not found.
 */
@Controller
class BriefingController {

    private final BriefingBooks books;
    private final PlanningApi planning;
    private final DirectoryApi directory;

    BriefingController(BriefingBooks books, PlanningApi planning, DirectoryApi directory) {
        this.books = books;
        this.planning = planning;
        this.directory = directory;
    }

    @GetMapping("/plans/{id}/briefing")
    String form(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        PlanSummary plan = planning.plan(user.districtId(), id);
        int now = directory
                .district(user.districtId())
                .schoolYearOf(LocalDate.now())
                .startYear();
        model.addAttribute("schoolYear", Math.max(plan.firstYear(), Math.min(plan.lastYear(), now)));
        return form(plan, List.of(Section.values()), null, model);
    }

    @PostMapping("/plans/{id}/briefing")
    String request(
            @PathVariable UUID id,
            @RequestParam(required = false) List<Section> sections,
            @RequestParam int schoolYear,
            @RequestParam Format format,
            @AuthenticationPrincipal SignedInUser user,
            Locale locale,
            HttpServletResponse response,
            Model model) {
        PlanSummary plan = planning.plan(user.districtId(), id);
        List<Section> chosen = sections == null ? List.of() : sections;
        String problem = chosen.isEmpty()
                ? "briefing.noSection"
                : schoolYear < plan.firstYear() || schoolYear > plan.lastYear() ? "briefing.yearOutside" : null;
        if (problem == null) {
            try {
                return "redirect:/briefing/" + books.request(user, id, schoolYear, chosen, format, locale);
            } catch (BriefingBooks.Busy busy) {
                problem = "briefing.busy";
            }
        }
        response.setStatus(422);
        model.addAttribute("schoolYear", schoolYear);
        return form(plan, chosen, problem, model);
    }

    @GetMapping("/briefing/{book}")
    String progress(@PathVariable UUID book, @AuthenticationPrincipal SignedInUser user, Model model) {
        BriefingBooks.Progress progress = progressOf(user, book);
        model.addAttribute("progress", progress);
        model.addAttribute("plan", planning.plan(user.districtId(), progress.planId()));
        return "reports/briefing-progress";
    }

    /** The progress part alone, which htmx swaps in every second until the book is done or failed. */
    @GetMapping("/briefing/{book}/progress")
    String progressPart(@PathVariable UUID book, @AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("progress", progressOf(user, book));
        return "reports/briefing-progress :: progress";
    }

    @GetMapping("/briefing/{book}/download")
    ResponseEntity<byte[]> download(@PathVariable UUID book, @AuthenticationPrincipal SignedInUser user) {
        BriefingBooks.File file = books.file(user.districtId(), book).orElseThrow(() -> new NotFoundException("book"));
        boolean pdf = file.format() == Format.PDF;
        String name = file.planTitle().replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-|-$)", "") + "-"
                + new SchoolYear(file.schoolYear()) + (pdf ? ".pdf" : ".xlsx");
        return ResponseEntity.ok()
                .contentType(
                        pdf
                                ? MediaType.APPLICATION_PDF
                                : MediaType.parseMediaType(
                                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(file.content());
    }

    private BriefingBooks.Progress progressOf(SignedInUser user, UUID book) {
        return books.progress(user.districtId(), book).orElseThrow(() -> new NotFoundException("book"));
    }

    private String form(PlanSummary plan, List<Section> chosen, String problem, Model model) {
        model.addAttribute("plan", plan);
        model.addAttribute("sections", Section.values());
        model.addAttribute("chosen", new ArrayList<>(chosen));
        model.addAttribute(
                "years",
                IntStream.rangeClosed(plan.firstYear(), plan.lastYear())
                        .mapToObj(SchoolYear::new)
                        .toList());
        model.addAttribute("problem", problem);
        return "reports/briefing-form";
    }
}
