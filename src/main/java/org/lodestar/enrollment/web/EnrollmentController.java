package org.lodestar.enrollment.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.School;
import org.lodestar.directory.SignedInUser;
import org.lodestar.enrollment.domain.EnrollmentForecasts;
import org.lodestar.enrollment.domain.EnrollmentImports;
import org.lodestar.enrollment.projection.Grade;
import org.lodestar.shared.EditConflict;
import org.lodestar.shared.LocalizedNumbers;
import org.lodestar.shared.NotFoundException;
import org.lodestar.shared.SchoolYear;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The district's enrollment: history, forecast with bands and accuracy, each school, and imports. */
@Controller
class EnrollmentController {

    private final EnrollmentForecasts forecasting;
    private final EnrollmentImports imports;
    private final DirectoryApi directory;
    private final EnrollmentPages pages;

    EnrollmentController(
            EnrollmentForecasts forecasting, EnrollmentImports imports, DirectoryApi directory, EnrollmentPages pages) {
        this.forecasting = forecasting;
        this.imports = imports;
        this.directory = directory;
        this.pages = pages;
    }

    @GetMapping("/enrollment")
    String overview(@AuthenticationPrincipal SignedInUser user, Model model) {
        Optional<Optional<EnrollmentForecasts.Forecasts>> ready = forecasting.forecastsIfReady(user.districtId());
        if (ready.isEmpty()) {
            return Computing.PROGRESS;
        }
        Optional<EnrollmentForecasts.Forecasts> found = ready.get();
        model.addAttribute("hasData", found.isPresent());
        if (found.isEmpty()) {
            return "enrollment/overview";
        }
        EnrollmentForecasts.Forecasts forecasts = found.get();
        pages.overview(user.districtId(), forecasts, model);
        return "enrollment/overview";
    }

    @GetMapping("/enrollment/schools/{id}")
    String school(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        School school = directory.school(user.districtId(), id).orElseThrow(() -> new NotFoundException("school"));
        Optional<Optional<EnrollmentForecasts.Forecasts>> ready = forecasting.forecastsIfReady(user.districtId());
        if (ready.isEmpty()) {
            return Computing.PROGRESS;
        }
        EnrollmentForecasts.Forecasts forecasts = ready.get()
                .filter(f -> f.history().schools().contains(id.toString()))
                .orElseThrow(() -> new NotFoundException("enrollment"));
        pages.school(school, forecasts, model);
        return "enrollment/school";
    }

    /**
     * Counts typed into a school's grid ({@code c_2024_K=86}): blank cells leave what is recorded unchanged, and any bad
     * cell refuses the whole grid with the cells named.
     */
    @PostMapping("/enrollment/schools/{id}/counts")
    String correct(
            @PathVariable UUID id,
            @RequestParam Map<String, String> cells,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            HttpServletResponse response) {
        directory.school(user.districtId(), id).orElseThrow(() -> new NotFoundException("school"));
        org.lodestar.shared.ForbiddenException.unless(user.canPlanForDistrict());
        List<EnrollmentImports.Correction> corrections = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        Locale locale = LocaleContextHolder.getLocale();
        cells.forEach((name, value) -> {
            if (!name.startsWith("c_") || value.isBlank()) {
                return;
            }
            String[] parts = name.split("_");
            try {
                int year = Integer.parseInt(parts[1]);
                Grade grade = Grade.parse(parts[2]);
                int students = LocalizedNumbers.parseWhole(value, locale);
                if (students < 0 || students > 100_000) {
                    throw new NumberFormatException();
                }
                // the count the grid showed when it was opened ("o_..."): a cell left as shown is not written
                String shownText = cells.getOrDefault("o" + name.substring(1), "");
                Integer shown = shownText.isBlank() ? null : Integer.valueOf(shownText.strip());
                if (!Integer.valueOf(students).equals(shown)) {
                    corrections.add(new EnrollmentImports.Correction(id, year, grade, shown, students));
                }
            } catch (RuntimeException e) {
                bad.add(name);
            }
        });
        if (!bad.isEmpty()) {
            model.addAttribute("gridErrors", bad);
            model.addAttribute("entered", cells);
            return school(id, user, model);
        }
        List<EnrollmentImports.Overtaken> overtaken = imports.correct(user, corrections);
        if (!overtaken.isEmpty()) {
            model.addAttribute(
                    "conflict",
                    EditConflict.inWords(overtaken.stream()
                            .map(o -> new EditConflict.Difference(
                                    SchoolYear.of(o.correction().year()) + " "
                                            + o.correction().grade().label(),
                                    LocalizedNumbers.format(
                                            BigDecimal.valueOf(o.correction().students()), locale),
                                    o.savedNow() == null
                                            ? ""
                                            : LocalizedNumbers.format(BigDecimal.valueOf(o.savedNow()), locale)))
                            .toList()));
            // the person's entries go back as they were typed; each overtaken cell now says it was shown what is
            // saved now, so sending them again replaces deliberately
            Map<String, String> again = new java.util.TreeMap<>(cells);
            again.keySet().removeIf(name -> !name.startsWith("c_") && !name.startsWith("o_"));
            overtaken.forEach(o -> again.put(
                    "o_" + o.correction().year() + "_" + o.correction().grade().label(),
                    o.savedNow() == null ? "" : o.savedNow().toString()));
            model.addAttribute("school", directory.school(user.districtId(), id).orElseThrow());
            model.addAttribute("again", again);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return "enrollment/counts-conflict";
        }
        return "redirect:/enrollment/schools/" + id + "?saved";
    }

    /** Polled by the progress page: when the forecast is ready, htmx reloads the page that waited for it. */
    @GetMapping("/enrollment/ready")
    org.springframework.http.ResponseEntity<Void> ready(@AuthenticationPrincipal SignedInUser user) {
        return forecasting.forecastsIfReady(user.districtId()).isPresent()
                ? org.springframework.http.ResponseEntity.ok()
                        .header("HX-Refresh", "true")
                        .build()
                : org.springframework.http.ResponseEntity.noContent().build();
    }

    @GetMapping("/enrollment/import")
    String importForm() {
        return "enrollment/import";
    }

    @PostMapping("/enrollment/import")
    String importFile(
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean addSchools,
            @AuthenticationPrincipal SignedInUser user,
            Model model)
            throws IOException {
        EnrollmentImports.ImportResult result = imports.importFile(user, file.getOriginalFilename(), file, addSchools);
        model.addAttribute("result", result);
        model.addAttribute("filename", file.getOriginalFilename());
        return "enrollment/import";
    }

    @PostMapping("/enrollment/births")
    String importBirths(
            @RequestParam("file") MultipartFile file, @AuthenticationPrincipal SignedInUser user, Model model)
            throws IOException {
        model.addAttribute("birthsResult", imports.importBirths(user, file.getOriginalFilename(), file));
        model.addAttribute("filename", file.getOriginalFilename());
        return "enrollment/import";
    }
}
