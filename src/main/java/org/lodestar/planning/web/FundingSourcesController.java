package org.lodestar.planning.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.compliance.FundKind;
import org.lodestar.planning.compliance.Wording;
import org.lodestar.planning.domain.FundingSources;
import org.lodestar.planning.domain.FundingSources.Fund;
import org.lodestar.shared.EditConflict;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.ForbiddenException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The district's funding sources beside the built-in ones: everyone reads the list; a district admin adds a fund (a
 * state grant by name), renames it, retires it, or deletes one nothing names yet.
 */
@Controller
class FundingSourcesController {

    private static final String LIST = "planning/funding-sources";
    private static final String EDIT = "planning/funding-source-form";

    private final FundingSources funds;

    FundingSourcesController(FundingSources funds) {
        this.funds = funds;
    }

    @GetMapping("/funding/sources")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("form", SourceForm.empty());
        return listPage(user, model);
    }

    @PostMapping("/funding/sources")
    String add(
            @Valid @ModelAttribute("form") SourceForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model) {
        ForbiddenException.unless(user.isAdmin());
        if (form == null) {
            // a value no field of the form can hold (only a hand-made request sends one): nothing is saved
            return "redirect:/funding/sources";
        }
        String code = form.normalizedCode();
        if (!errors.hasFieldErrors("code") && !SourceForm.CODE.matcher(code).matches()) {
            errors.rejectValue("code", "fundingSource.codeShape");
        }
        form.check(errors);
        if (!errors.hasErrors() && !funds.add(user, code, form.name(), form.fundKind())) {
            errors.rejectValue("code", "fundingSource.codeTaken", new Object[] {code}, null);
        }
        if (errors.hasErrors()) {
            response.setStatus(422);
            return listPage(user, model);
        }
        return "redirect:/funding/sources?added=" + code;
    }

    @GetMapping("/funding/sources/{id}")
    String edit(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
        ForbiddenException.unless(user.isAdmin());
        Fund fund = funds.find(user.districtId(), id);
        model.addAttribute("form", SourceForm.of(fund));
        return editPage(user, fund, model);
    }

    @PostMapping("/funding/sources/{id}")
    String save(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") SourceForm form,
            BindingResult errors,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model) {
        ForbiddenException.unless(user.isAdmin());
        Fund fund = funds.find(user.districtId(), id);
        if (form == null) {
            return "redirect:/funding/sources/" + id;
        }
        form.check(errors);
        if (errors.hasErrors()) {
            response.setStatus(422);
            return editPage(user, fund, model);
        }
        try {
            funds.save(
                    user,
                    id,
                    form.name(),
                    form.fundKind(),
                    Boolean.TRUE.equals(form.retired()),
                    EditConflictException.versionRead(form.version()));
        } catch (EditConflictException conflict) {
            Fund now = funds.find(user.districtId(), id);
            model.addAttribute(
                    "conflict",
                    EditConflict.between(form.shown(), SourceForm.of(now).shown()));
            model.addAttribute("form", form.atVersion(now.version()));
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return editPage(user, now, model);
        }
        return "redirect:/funding/sources?saved";
    }

    @PostMapping("/funding/sources/{id}/delete")
    String delete(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer version,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            Model model) {
        ForbiddenException.unless(user.isAdmin());
        Fund fund = funds.find(user.districtId(), id);
        try {
            if (funds.delete(user, id, EditConflictException.versionRead(version))) {
                return "redirect:/funding/sources?deleted";
            }
        } catch (EditConflictException conflict) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("deleteConflict", true);
            Fund now = funds.find(user.districtId(), id);
            model.addAttribute("form", SourceForm.of(now));
            return editPage(user, now, model);
        }
        response.setStatus(422);
        model.addAttribute("inUse", true);
        model.addAttribute("form", SourceForm.of(fund));
        return editPage(user, fund, model);
    }

    private String listPage(SignedInUser user, Model model) {
        model.addAttribute("funds", funds.all(user.districtId()));
        model.addAttribute("kinds", FundKind.values());
        return LIST;
    }

    private String editPage(SignedInUser user, Fund fund, Model model) {
        model.addAttribute("fund", fund);
        model.addAttribute("kinds", FundKind.values());
        model.addAttribute("used", funds.inUse(user.districtId(), fund.code()));
        return EDIT;
    }

    /** A fund's code (only when adding: costs and allocations carry it), its names in both languages and its kind. */
    record SourceForm(
            @Size(max = 40) String code,
            @Size(max = 120) String nameEn,
            @Size(max = 120) String nameEs,
            String kind,
            Boolean retired,
            Integer version) {

        static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
        private static final java.util.Set<String> KINDS =
                java.util.Arrays.stream(FundKind.values()).map(Enum::name).collect(java.util.stream.Collectors.toSet());

        static SourceForm empty() {
            return new SourceForm("", "", "", null, false, null);
        }

        static SourceForm of(Fund fund) {
            return new SourceForm(
                    fund.code(),
                    fund.name().en(),
                    fund.name().es(),
                    fund.kind() == null ? null : fund.kind().name(),
                    fund.retired(),
                    fund.version());
        }

        /** Typed in any case, with spaces or hyphens between words: "state reading-grant" is STATE_READING_GRANT. */
        String normalizedCode() {
            return code == null ? "" : code.strip().replaceAll("[\\s-]+", "_").toUpperCase(Locale.ROOT);
        }

        Wording name() {
            return new Wording(nameEn, nameEs);
        }

        /** The kind chosen, or null when none is; one not in the list is refused by {@link #check}. */
        FundKind fundKind() {
            return kind == null || kind.isBlank() || !KINDS.contains(kind) ? null : FundKind.valueOf(kind);
        }

        void check(BindingResult errors) {
            if (!errors.hasFieldErrors("nameEn") && !errors.hasFieldErrors("nameEs") && name().missing()) {
                errors.rejectValue("nameEn", "fundingSource.nameMissing");
            }
            if (kind != null && !kind.isBlank() && !KINDS.contains(kind)) {
                errors.rejectValue("kind", "fundingSource.kindUnknown");
            }
        }

        SourceForm atVersion(int saved) {
            return new SourceForm(code, nameEn, nameEs, kind, retired, saved);
        }

        Map<String, String> shown() {
            Map<String, String> shown = new LinkedHashMap<>();
            shown.put("fundingSource.field.nameEn", nameEn);
            shown.put("fundingSource.field.nameEs", nameEs);
            shown.put("fundingSource.field.kind", kind);
            shown.put("fundingSource.field.retired", String.valueOf(Boolean.TRUE.equals(retired)));
            return shown;
        }
    }
}
