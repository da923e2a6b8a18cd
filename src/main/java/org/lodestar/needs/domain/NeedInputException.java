package org.lodestar.needs.domain;

/** Input a need's or an assessment's form cannot take: the field and the message key saying why. Nothing was saved. */
public class NeedInputException extends RuntimeException {

    private final String field;
    private final String messageKey;

    public NeedInputException(String field, String messageKey) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}
