package org.lodestar.planning.web;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.District;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.ActionCost;
import org.lodestar.planning.ActionDetail;
import org.lodestar.planning.ComplianceTag;
import org.lodestar.planning.domain.ComplianceCoverage;
import org.lodestar.planning.domain.ComplianceCoverage.ComponentCoverage;
import org.lodestar.planning.domain.ComplianceCoverage.Coverage;
import org.lodestar.planning.domain.Consultations;
import org.lodestar.planning.domain.ImprovementPlans;
import org.lodestar.shared.Money;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A required plan written out from the improvement plan: the framework's components in its order, each with what the
 * plan says that satisfies it (an action's description, owner, dates, evidence and cost), as a page to read and print
 * and as a PDF drawn from the same template, ready to submit.
 */
@Component
class FrameworkDocument {

    static final String TEMPLATE = "planning/framework-document";

    private final ComplianceCoverage coverage;
    private final ImprovementPlans improvement;
    private final DirectoryApi directory;
    private final ITemplateEngine templates;
    private final Consultations consultations;

    FrameworkDocument(
            ComplianceCoverage coverage,
            ImprovementPlans improvement,
            DirectoryApi directory,
            ITemplateEngine templates,
            Consultations consultations) {
        this.consultations = consultations;
        this.coverage = coverage;
        this.improvement = improvement;
        this.directory = directory;
        this.templates = templates;
    }

    /** What the document shows, as the template's variables. */
    Map<String, Object> variables(SignedInUser user, String code, UUID planId, Locale locale) {
        Coverage covered = coverage.coverage(user, code, planId);
        List<UUID> actions = new ArrayList<>();
        for (ComponentCoverage row : covered.components()) {
            row.items().stream()
                    .filter(item -> item.kind() == ComplianceTag.Kind.ACTION)
                    .forEach(item -> actions.add(item.id()));
        }
        Map<UUID, ActionDetail> details = improvement.details(user.districtId(), actions);
        Map<UUID, BigDecimal> totals = new HashMap<>();
        for (ActionCost cost : improvement.costs(user.districtId(), actions)) {
            totals.merge(cost.strategyId(), cost.amount(), BigDecimal::add);
        }
        District district = directory.district(user.districtId());
        // written here rather than by a bean in the template, since the PDF's template runs outside a web request
        Map<UUID, String> costs = new HashMap<>();
        totals.forEach((action, total) ->
                costs.put(action, Money.of(total, district.currency()).format(locale)));
        Map<String, Object> variables = new HashMap<>();
        variables.put("coverage", covered);
        variables.put("details", details);
        variables.put("costs", costs);
        variables.put("district", district);
        variables.put("consultations", consultations.of(user.districtId(), planId));
        variables.put(
                "school",
                covered.plan().districtPlan()
                        ? null
                        : directory
                                .school(user.districtId(), covered.plan().schoolId())
                                .orElse(null));
        return variables;
    }

    /** The same document as a PDF. */
    byte[] pdf(SignedInUser user, String code, UUID planId, Locale locale) {
        Context context = new Context(locale, variables(user, code, planId, locale));
        context.setVariable("pdf", true);
        String xhtml = templates.process(TEMPLATE, context);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }
}
