package org.lodestar.execution.mail;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.shared.ForbiddenException;
import org.lodestar.shared.Ids;
import org.lodestar.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes mails into the outbox, in the transaction of what caused them (it must run inside one), in the recipient's
 * language: the subject from the messages, the plain text and the HTML from {@code templates/mail/<kind>.txt} and
 * {@code .html}. Admins read the outbox.
 */
@Service
public class Outbox {

    private final OutboxStore store;
    private final MessageSource messages;
    private final MailSettings settings;
    private final Clock clock;
    private final SpringTemplateEngine text;
    private final SpringTemplateEngine html;

    Outbox(OutboxStore store, MessageSource messages, MailSettings settings, Clock clock) {
        this.store = store;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
        this.text = engine(TemplateMode.TEXT, ".txt", messages);
        this.html = engine(TemplateMode.HTML, ".html", messages);
    }

    private static SpringTemplateEngine engine(TemplateMode mode, String suffix, MessageSource messages) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        return engine;
    }

    /**
     * A mail to a person, written now into the outbox; returns its id.
     *
     * @param subjectArgs the arguments of the subject's message ({@code mail.<kind>.subject})
     * @param model what the templates show; {@code baseUrl} is added
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID write(
            UUID districtId,
            UUID recipientId,
            String address,
            String language,
            MailKind kind,
            Object[] subjectArgs,
            Map<String, Object> model) {
        Locale locale = Locale.forLanguageTag(language);
        Context context = new Context(locale);
        context.setVariables(model);
        context.setVariable("baseUrl", settings.baseUrl());
        String subject = messages.getMessage("mail." + kind.code() + ".subject", subjectArgs, locale);
        UUID id = Ids.next();
        store.insert(
                districtId,
                new OutboxMail(
                        id,
                        recipientId,
                        address,
                        language,
                        kind,
                        subject,
                        text.process(kind.code(), context),
                        html.process(kind.code(), context),
                        clock.instant(),
                        DeliveryStatus.PENDING,
                        0,
                        clock.instant(),
                        null,
                        null));
        return id;
    }

    /** The district's mails, newest first (admins only). */
    @Transactional(readOnly = true)
    public List<OutboxMail> newest(SignedInUser admin, int limit) {
        ForbiddenException.unless(admin.isAdmin());
        return store.newest(admin.districtId(), limit);
    }

    /** One mail of the district (admins only); not found when it is another district's. */
    @Transactional(readOnly = true)
    public OutboxMail mail(SignedInUser admin, UUID id) {
        ForbiddenException.unless(admin.isAdmin());
        return store.find(admin.districtId(), id).orElseThrow(() -> new NotFoundException("mail"));
    }

    public String baseUrl() {
        return settings.baseUrl();
    }
}
