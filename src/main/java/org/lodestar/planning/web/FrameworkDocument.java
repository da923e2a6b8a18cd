package org.lodestar.planning.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lodestar.directory.DirectoryApi;
import org.lodestar.directory.District;
import org.lodestar.directory.School;
import org.lodestar.directory.SignedInUser;
import org.lodestar.planning.ActionCost;
import org.lodestar.planning.ActionDetail;
import org.lodestar.planning.ComplianceTag;
import org.lodestar.planning.Consultation;
import org.lodestar.planning.PlanNodes;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.compliance.Component;
import org.lodestar.planning.domain.ComplianceCoverage;
import org.lodestar.planning.domain.ComplianceCoverage.ComponentCoverage;
import org.lodestar.planning.domain.ComplianceCoverage.Coverage;
import org.lodestar.planning.domain.ComplianceCoverage.TaggedItem;
import org.lodestar.planning.domain.Consultations;
import org.lodestar.planning.domain.ImprovementPlans;
import org.lodestar.shared.Bilingual;
import org.lodestar.shared.Money;
import org.lodestar.shared.PdfDocument;
import org.springframework.context.MessageSource;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A required plan written out from the improvement plan: the framework's components in its order, each with what the
 * plan says that satisfies it (an action's description, owner, dates, evidence and cost by fund), as a page to read and
 * print, as a PDF drawn from the same template, as a Word document with a heading per component and item, and as a
 * workbook of one row per component and item for states that want a spreadsheet.
 */
@org.springframework.stereotype.Component
class FrameworkDocument {

    static final String TEMPLATE = "planning/framework-document";

    private final ComplianceCoverage coverage;
    private final ImprovementPlans improvement;
    private final PlanningApi planning;
    private final DirectoryApi directory;
    private final FundNames fundNames;
    private final MessageSource messages;
    private final ITemplateEngine templates;
    private final Consultations consultations;

    FrameworkDocument(
            ComplianceCoverage coverage,
            ImprovementPlans improvement,
            PlanningApi planning,
            DirectoryApi directory,
            FundNames fundNames,
            MessageSource messages,
            ITemplateEngine templates,
            Consultations consultations) {
        this.consultations = consultations;
        this.coverage = coverage;
        this.improvement = improvement;
        this.planning = planning;
        this.directory = directory;
        this.fundNames = fundNames;
        this.messages = messages;
        this.templates = templates;
    }

    /** One item of the plan under a component, with everything the document says of it, in the reader's language. */
    record Entry(
            ComplianceTag.Kind kind,
            UUID id,
            Bilingual.Shown title,
            String owner,
            ActionDetail detail,
            BigDecimal total,
            String cost,
            String funds) {}

    record Section(Component component, List<Entry> entries) {}

    /**
     * The whole document: who it is for, the coverage it is drawn from, the stakeholders consulted on the plan and its
     * sections in the framework's order.
     */
    record Content(
            Coverage coverage,
            District district,
            School school,
            List<Consultation> consultations,
            List<Section> sections,
            Locale locale) {

        String who() {
            return school != null ? school.name() : district.name();
        }

        /** Each consultation in one line: its date, whom it reached, how many took part, what was heard. */
        List<String> consultationLines(DocumentLabels labels) {
            return consultations.stream()
                    .map(c -> labels.date(c.heldOn()) + " — "
                            + c.audiences().stream()
                                    .map(a -> labels.get("consultation.audience." + a))
                                    .collect(Collectors.joining(", "))
                            + (c.participants() == null
                                    ? ""
                                    : " (" + labels.get("document.participants", c.participants()) + ")")
                            + ": " + c.summary())
                    .toList();
        }
    }

    Content content(SignedInUser user, String code, UUID planId, Locale locale) {
        Coverage covered = coverage.coverage(user, code, planId);
        UUID district = user.districtId();
        District districtRow = directory.district(district);
        List<UUID> actions = new ArrayList<>();
        for (ComponentCoverage row : covered.components()) {
            row.items().stream()
                    .filter(item -> item.kind() == ComplianceTag.Kind.ACTION)
                    .forEach(item -> actions.add(item.id()));
        }
        Map<UUID, ActionDetail> details = improvement.details(district, actions);
        Map<UUID, Map<String, BigDecimal>> byFund = new HashMap<>();
        for (ActionCost cost : improvement.costs(district, actions)) {
            byFund.computeIfAbsent(cost.strategyId(), id -> new LinkedHashMap<>())
                    .merge(cost.fund(), cost.amount(), BigDecimal::add);
        }
        Map<String, String> funds = fundNames.of(district, locale);
        Map<UUID, String> people = new HashMap<>();
        directory.people(district).forEach(person -> people.put(person.id(), person.displayName()));
        Map<UUID, Bilingual> titles = new HashMap<>();
        Map<UUID, UUID> owners = new HashMap<>();
        PlanNodes nodes = planning.nodesOfPlan(district, planId);
        nodes.goals().forEach(g -> {
            titles.put(g.id(), g.titles());
            owners.put(g.id(), g.ownerId());
        });
        nodes.outcomes().forEach(o -> {
            titles.put(o.id(), o.titles());
            owners.put(o.id(), o.ownerId());
        });
        nodes.strategies().forEach(s -> {
            titles.put(s.id(), s.titles());
            owners.put(s.id(), s.ownerId());
        });
        List<Section> sections = new ArrayList<>();
        for (ComponentCoverage row : covered.components()) {
            List<Entry> entries = new ArrayList<>();
            for (TaggedItem item : row.items()) {
                Map<String, BigDecimal> costs = byFund.getOrDefault(item.id(), Map.of());
                BigDecimal total =
                        costs.values().stream().reduce(BigDecimal::add).orElse(null);
                Bilingual title = titles.get(item.id());
                entries.add(new Entry(
                        item.kind(),
                        item.id(),
                        title == null
                                ? new Bilingual.Shown(item.title(), null)
                                : title.in(locale.getLanguage(), districtRow.defaultLanguage()),
                        owners.get(item.id()) == null ? null : people.get(owners.get(item.id())),
                        details.get(item.id()),
                        total,
                        total == null ? null : money(total, districtRow, locale),
                        costs.isEmpty()
                                ? null
                                : costs.entrySet().stream()
                                        .map(cost -> funds.getOrDefault(cost.getKey(), cost.getKey())
                                                + (costs.size() == 1
                                                        ? ""
                                                        : " " + money(cost.getValue(), districtRow, locale)))
                                        .collect(Collectors.joining("; "))));
            }
            sections.add(new Section(row.component(), entries));
        }
        School school = covered.plan().districtPlan()
                ? null
                : directory.school(district, covered.plan().schoolId()).orElse(null);
        return new Content(covered, districtRow, school, consultations.of(district, planId), sections, locale);
    }

    /** What the page and the PDF show, as the template's variables. */
    Map<String, Object> variables(SignedInUser user, String code, UUID planId, Locale locale) {
        Content content = content(user, code, planId, locale);
        Map<String, Object> variables = new HashMap<>();
        variables.put("coverage", content.coverage());
        variables.put("sections", content.sections());
        variables.put("district", content.district());
        variables.put("school", content.school());
        variables.put("consultations", content.consultations());
        return variables;
    }

    /** The same document as a PDF. */
    byte[] pdf(SignedInUser user, String code, UUID planId, Locale locale) {
        Context context = new Context(locale, variables(user, code, planId, locale));
        context.setVariable("pdf", true);
        String xhtml = templates.process(TEMPLATE, context);
        return PdfDocument.of(xhtml);
    }

    /** The same document in Word, with Heading 1 per component and Heading 2 per item: a navigable outline. */
    byte[] docx(SignedInUser user, String code, UUID planId, Locale locale) {
        return new FrameworkDocx(content(user, code, planId, locale), labels(locale)).write();
    }

    /** The same content as a workbook, one row per component and item. */
    byte[] xlsx(SignedInUser user, String code, UUID planId, Locale locale) {
        return new FrameworkWorkbook(content(user, code, planId, locale), labels(locale)).write();
    }

    private DocumentLabels labels(Locale locale) {
        return new DocumentLabels(messages, locale);
    }

    private static String money(BigDecimal amount, District district, Locale locale) {
        return Money.of(amount, district.currency()).format(locale);
    }

    /** The messages and date format of the reader's language, for the writers that run outside a template. */
    record DocumentLabels(MessageSource messages, Locale locale) {

        String get(String key, Object... args) {
            return messages.getMessage(key, args, locale);
        }

        String date(LocalDate date) {
            return date == null
                    ? "…"
                    : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                            .withLocale(locale)
                            .format(date);
        }
    }
}
