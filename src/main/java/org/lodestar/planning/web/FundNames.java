package org.lodestar.planning.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.lodestar.planning.compliance.FundingSource;
import org.lodestar.planning.domain.FundingSources;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Every fund's name by code in the reader's language, the built-in funds' from the messages and the district's own
 * from what it entered, so that a page, a document or a spreadsheet names an added fund as it names Title I.
 */
@Component
class FundNames {

    private final FundingSources funds;
    private final MessageSource messages;

    FundNames(FundingSources funds, MessageSource messages) {
        this.funds = funds;
        this.messages = messages;
    }

    Map<String, String> of(UUID districtId, Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        for (FundingSource source : FundingSource.values()) {
            names.put(source.name(), messages.getMessage(source.messageKey(), null, locale));
        }
        names.putAll(funds.addedNames(districtId, locale));
        return names;
    }
}
