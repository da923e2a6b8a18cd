package org.lodestar.planning.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.FrameworkEntry;
import org.lodestar.planning.compliance.Component;
import org.lodestar.planning.compliance.Framework;
import org.lodestar.planning.compliance.FrameworkFile;
import org.lodestar.planning.compliance.FrameworkFileRefused;
import org.lodestar.planning.compliance.Wording;
import org.lodestar.planning.domain.ComplianceFrameworks;
import org.lodestar.shared.EditConflict;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.NotFoundException;
import org.lodestar.shared.tabular.ImportProblem;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The required-plan frameworks (Title I schoolwide, Title IV-A, a Texas campus plan...): everyone reads them; a district
 * admin corrects a component's wording, hides a framework the district does not use, and imports or exports one as
 * its JSON file.
 */
@Controller
class ComplianceController {

    private final ComplianceFrameworks frameworks;
    private final FundNames fundNames;

    ComplianceController(ComplianceFrameworks frameworks, FundNames fundNames) {
        this.frameworks = frameworks;
        this.fundNames = fundNames;
    }

    @GetMapping("/compliance")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("entries", frameworks.list(user));
        return "planning/compliance-list";
    }

    @PostMapping("/compliance/import")
    String importFile(
            @RequestParam(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            HttpServletResponse response)
            throws IOException {
        // the role is checked before a byte of the upload is read
        ForbiddenException.unless(user.isAdmin());
        List<ImportProblem> problems;
        if (file == null || file.isEmpty()) {
            problems = List.of(ImportProblem.of(0, "compliance.file.empty"));
        } else if (file.getSize() > FrameworkFile.MAX_BYTES) {
            problems = List.of(ImportProblem.of(0, "compliance.file.tooLarge", FrameworkFile.MAX_BYTES / 1_000));
        } else {
            try {
                String name = file.getOriginalFilename() == null
                        ? ""
                        : file.getOriginalFilename().toLowerCase(java.util.Locale.ROOT);
                Framework imported;
                if (name.endsWith(".xlsx")) {
                    try (java.io.InputStream content = file.getInputStream()) {
                        imported = frameworks.importSheet(user, name, content);
                    }
                } else {
                    imported = frameworks.importFile(user, file.getBytes());
                }
                return "redirect:/compliance/" + imported.code() + "?imported";
            } catch (FrameworkFileRefused refused) {
                problems = refused.problems();
            }
        }
        response.setStatus(422);
        model.addAttribute("entries", frameworks.list(user));
        model.addAttribute("refusal", new Refusal(problems, 0));
        model.addAttribute("filename", file == null ? "" : file.getOriginalFilename());
        return "planning/compliance-list";
    }

    @GetMapping("/compliance/{code}")
    String show(
            @PathVariable String code,
            @AuthenticationPrincipal SignedInUser user,
            java.util.Locale locale,
            Model model) {
        model.addAttribute("entry", frameworks.find(user, code));
        model.addAttribute("fundNames", fundNames.of(user.districtId(), locale));
        model.addAttribute("versions", frameworks.versions(user, code));
        model.addAttribute("historyId", ComplianceFrameworks.idOf(code));
        return "planning/compliance-framework";
    }

    @GetMapping("/compliance/{code}/export")
    ResponseEntity<byte[]> export(@PathVariable String code, @AuthenticationPrincipal SignedInUser user) {
        return attachment(code, user, "json", MediaType.APPLICATION_JSON, frameworks.export(user, code));
    }

    @GetMapping("/compliance/{code}/export.xlsx")
    ResponseEntity<byte[]> exportSheet(@PathVariable String code, @AuthenticationPrincipal SignedInUser user) {
        return attachment(code, user, "xlsx", CoverageController.XLSX, frameworks.exportSheet(user, code));
    }

    private ResponseEntity<byte[]> attachment(
            String code, SignedInUser user, String extension, MediaType type, byte[] body) {
        FrameworkEntry entry = frameworks.find(user, code);
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(code + "-v" + entry.version() + "." + extension)
                                .build()
                                .toString())
                .body(body);
    }

    @PostMapping("/compliance/{code}/hidden")
    String hide(
            @PathVariable String code,
            @RequestParam boolean hidden,
            @RequestParam(required = false) Integer version,
            @AuthenticationPrincipal SignedInUser user) {
        ForbiddenException.unless(user.isAdmin());
        frameworks.setHidden(user, code, hidden, EditConflictException.versionRead(version));
        return "redirect:/compliance/" + code;
    }

    @GetMapping("/compliance/{code}/components/{component}")
    String editComponent(
            @PathVariable String code,
            @PathVariable String component,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        ForbiddenException.unless(user.isAdmin());
        FrameworkEntry entry = frameworks.find(user, code);
        model.addAttribute("entry", entry);
        model.addAttribute("componentCode", component);
        model.addAttribute("form", ComponentForm.of(componentOf(entry, component), entry.version()));
        return "planning/compliance-component-form";
    }

    @PostMapping("/compliance/{code}/components/{component}")
    String saveComponent(
            @PathVariable String code,
            @PathVariable String component,
            @Valid @ModelAttribute("form") ComponentForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            HttpServletResponse response) {
        ForbiddenException.unless(user.isAdmin());
        FrameworkEntry entry = frameworks.find(user, code);
        Component saved = componentOf(entry, component);
        model.addAttribute("entry", entry);
        model.addAttribute("componentCode", component);
        if (!errors.hasErrors() && form.titleEn().isBlank() && form.titleEs().isBlank()) {
            errors.rejectValue("titleEn", "compliance.form.titleMissing");
        }
        if (!errors.hasErrors()
                && form.requirementEn().isBlank()
                && form.requirementEs().isBlank()) {
            errors.rejectValue("requirementEn", "compliance.form.requirementMissing");
        }
        if (errors.hasErrors()) {
            response.setStatus(422);
            return "planning/compliance-component-form";
        }
        try {
            frameworks.saveComponent(
                    user, code, form.applyTo(saved), EditConflictException.versionRead(form.version()));
        } catch (EditConflictException conflict) {
            FrameworkEntry now = frameworks.find(user, code);
            model.addAttribute("entry", now);
            model.addAttribute(
                    "conflict",
                    EditConflict.between(
                            form.shown(),
                            ComponentForm.of(componentOf(now, component), now.version())
                                    .shown()));
            model.addAttribute("form", form.atVersion(now.version()));
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return "planning/compliance-component-form";
        }
        return "redirect:/compliance/" + code + "?saved#component-" + component;
    }

    private static Component componentOf(FrameworkEntry entry, String code) {
        return entry.framework().component(code).orElseThrow(() -> new NotFoundException("component"));
    }

    /** The problems of a refused file, in the shape the shared "refused" fragment shows. */
    record Refusal(List<ImportProblem> problems, int moreProblems) {}

    /** The wording of a component an admin may change; its code, level and funds change through an imported file. */
    record ComponentForm(
            @Size(max = 300) String titleEn,
            @Size(max = 300) String titleEs,
            @Size(max = 4000) String requirementEn,
            @Size(max = 4000) String requirementEs,
            @NotBlank @Size(max = 300) String citation,
            Boolean toBeChecked,
            Integer version) {

        ComponentForm {
            // an unticked box sends nothing
            toBeChecked = Boolean.TRUE.equals(toBeChecked);
            titleEn = titleEn == null ? "" : titleEn;
            titleEs = titleEs == null ? "" : titleEs;
            requirementEn = requirementEn == null ? "" : requirementEn;
            requirementEs = requirementEs == null ? "" : requirementEs;
        }

        static ComponentForm of(Component c, int version) {
            return new ComponentForm(
                    c.title().en(),
                    c.title().es(),
                    c.requirement().en(),
                    c.requirement().es(),
                    c.citation(),
                    c.toBeChecked(),
                    version);
        }

        ComponentForm atVersion(int saved) {
            return new ComponentForm(titleEn, titleEs, requirementEn, requirementEs, citation, toBeChecked, saved);
        }

        Component applyTo(Component c) {
            return new Component(
                    c.code(),
                    new Wording(titleEn, titleEs),
                    new Wording(requirementEn, requirementEs),
                    citation.strip(),
                    c.level(),
                    c.funds(),
                    toBeChecked,
                    c.sources());
        }

        Map<String, String> shown() {
            Map<String, String> shown = new LinkedHashMap<>();
            shown.put("compliance.field.titleEn", titleEn);
            shown.put("compliance.field.titleEs", titleEs);
            shown.put("compliance.field.requirementEn", requirementEn);
            shown.put("compliance.field.requirementEs", requirementEs);
            shown.put("compliance.field.citation", citation);
            shown.put("compliance.field.toBeChecked", String.valueOf(toBeChecked));
            return shown;
        }
    }
}
