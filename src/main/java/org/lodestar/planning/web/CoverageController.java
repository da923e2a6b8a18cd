package org.lodestar.planning.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.FrameworkEntry;
import org.lodestar.planning.PlanKind;
import org.lodestar.planning.PlanSummary;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.compliance.PlanLevel;
import org.lodestar.planning.domain.ComplianceCoverage;
import org.lodestar.planning.domain.ComplianceFrameworks;
import org.lodestar.planning.domain.FundingSources;
import org.lodestar.shared.EditConflictException;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.LocalizedNumbers;
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

/** A framework's coverage of an improvement plan, and the year's funding rules against the plans' costs. */
@Controller
class CoverageController {

    private final ComplianceCoverage coverage;
    private final ComplianceFrameworks frameworks;
    private final PlanningApi planning;
    private final DirectoryApi directory;
    private final FrameworkDocument document;
    private final FundingSources funds;
    private final FundNames fundNames;

    CoverageController(
            ComplianceCoverage coverage,
            ComplianceFrameworks frameworks,
            PlanningApi planning,
            DirectoryApi directory,
            FrameworkDocument document,
            FundingSources funds,
            FundNames fundNames) {
        this.coverage = coverage;
        this.frameworks = frameworks;
        this.planning = planning;
        this.directory = directory;
        this.document = document;
        this.funds = funds;
        this.fundNames = fundNames;
    }

    /** The framework against one improvement plan of its level (the newest when none is chosen). */
    @GetMapping("/compliance/{code}/coverage")
    String coverage(
            @PathVariable String code,
            @RequestParam(required = false) UUID plan,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        FrameworkEntry framework = frameworks.find(user, code);
        boolean forSchools = framework.framework().level() == PlanLevel.SCHOOL;
        List<PlanSummary> candidates = planning.plans(user.districtId()).stream()
                .filter(p -> p.kind() == PlanKind.IMPROVEMENT && p.districtPlan() != forSchools)
                .toList();
        model.addAttribute("entry", framework);
        model.addAttribute("candidates", candidates);
        model.addAttribute("schools", directory.schoolsById(user.districtId()));
        UUID chosen = plan != null
                ? candidates.stream()
                        .map(PlanSummary::id)
                        .filter(plan::equals)
                        .findFirst()
                        .orElseThrow(() -> new org.lodestar.shared.NotFoundException("plan"))
                : candidates.stream().map(PlanSummary::id).findFirst().orElse(null);
        if (chosen != null) {
            model.addAttribute("coverage", coverage.coverage(user, code, chosen));
        }
        return "planning/coverage";
    }

    /** The framework written out from one improvement plan, as a page to read and print. */
    @GetMapping("/compliance/{code}/document")
    String document(
            @PathVariable String code,
            @RequestParam UUID plan,
            @AuthenticationPrincipal SignedInUser user,
            Locale locale,
            Model model) {
        model.addAllAttributes(document.variables(user, code, plan, locale));
        return FrameworkDocument.TEMPLATE;
    }

    /** The same document as a PDF, to submit. */
    @GetMapping("/compliance/{code}/document.pdf")
    ResponseEntity<byte[]> documentPdf(
            @PathVariable String code,
            @RequestParam UUID plan,
            @AuthenticationPrincipal SignedInUser user,
            Locale locale) {
        return download(code, plan, "pdf", MediaType.APPLICATION_PDF, document.pdf(user, code, plan, locale));
    }

    /** The same document in Word, to edit before submitting. */
    @GetMapping("/compliance/{code}/document.docx")
    ResponseEntity<byte[]> documentDocx(
            @PathVariable String code,
            @RequestParam UUID plan,
            @AuthenticationPrincipal SignedInUser user,
            Locale locale) {
        return download(code, plan, "docx", DOCX, document.docx(user, code, plan, locale));
    }

    /** The same content as a workbook, where a state wants a spreadsheet. */
    @GetMapping("/compliance/{code}/document.xlsx")
    ResponseEntity<byte[]> documentXlsx(
            @PathVariable String code,
            @RequestParam UUID plan,
            @AuthenticationPrincipal SignedInUser user,
            Locale locale) {
        return download(code, plan, "xlsx", XLSX, document.xlsx(user, code, plan, locale));
    }

    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private static ResponseEntity<byte[]> download(
            String code, UUID plan, String extension, MediaType type, byte[] body) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(code + "-" + plan + "." + extension)
                                .build()
                                .toString())
                .body(body);
    }

    @GetMapping("/funding")
    String funding(
            @RequestParam(required = false) Integer year,
            @AuthenticationPrincipal SignedInUser user,
            Locale locale,
            Model model) {
        return fundingPage(user, year == null ? currentYear(user) : year, locale, model);
    }

    /** Saves the year's allocations; each field's shown value comes back so a change made meanwhile is not replaced. */
    @PostMapping("/funding")
    String allocate(
            @RequestParam int year,
            HttpServletRequest request,
            @AuthenticationPrincipal SignedInUser user,
            Locale locale,
            HttpServletResponse response,
            Model model) {
        ForbiddenException.unless(user.canPlanForDistrict());
        Map<String, BigDecimal> shown = new LinkedHashMap<>();
        Map<String, BigDecimal> wanted = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> typedValues = new LinkedHashMap<>();
        for (FundingSources.Fund source : funds.all(user.districtId())) {
            String fund = source.code();
            String typed = request.getParameter("amount_" + fund);
            String before = request.getParameter("shown_" + fund);
            if (typed == null) {
                continue;
            }
            typedValues.put(fund, typed);
            try {
                BigDecimal amount = typed.isBlank() ? null : LocalizedNumbers.parse(typed, locale);
                if (amount != null
                        && (amount.signum() < 0 || amount.compareTo(BigDecimal.valueOf(999_999_999_999L)) > 0)) {
                    errors.put(fund, "funding.amountOutOfRange");
                    continue;
                }
                wanted.put(fund, amount);
                shown.put(fund, before == null || before.isBlank() ? null : new BigDecimal(before));
            } catch (IllegalArgumentException notANumber) {
                errors.put(fund, "funding.notAnAmount");
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(422);
            model.addAttribute("errors", errors);
            // what was typed is shown again as typed, the wrong entries beside their message
            model.addAttribute("typed", typedValues);
            return fundingPage(user, year, locale, model);
        }
        try {
            coverage.allocate(user, year, shown, wanted);
        } catch (EditConflictException conflict) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("allocationConflict", true);
            return fundingPage(user, year, locale, model);
        }
        return "redirect:/funding?year=" + year + "&saved";
    }

    /** Every fund offered for new costs, and a retired one as long as the year allocates or plans some of it. */
    private String fundingPage(SignedInUser user, int year, Locale locale, Model model) {
        ComplianceCoverage.FundingReview review = coverage.funding(user, year);
        model.addAttribute("review", review);
        model.addAttribute(
                "funds",
                funds.all(user.districtId()).stream()
                        .filter(fund -> !fund.retired()
                                || review.allocations().containsKey(fund.code())
                                || review.planned().containsKey(fund.code()))
                        .toList());
        model.addAttribute("fundNames", fundNames.of(user.districtId(), locale));
        model.addAttribute("year", new org.lodestar.shared.SchoolYear(year));
        model.addAttribute("editable", user.canPlanForDistrict());
        return "planning/funding";
    }

    private int currentYear(SignedInUser user) {
        return directory
                .district(user.districtId())
                .schoolYearOf(LocalDate.now())
                .startYear();
    }
}
