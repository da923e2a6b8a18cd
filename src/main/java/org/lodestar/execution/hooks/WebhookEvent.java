package org.lodestar.execution.hooks;

/** What a webhook may be told of; {@link #code()} is sent in {@code X-Lodestar-Event} and the body's {@code event}. */
public enum WebhookEvent {
    TASK_STATUS_CHANGED("task.status_changed"),
    CHECK_IN_POSTED("check_in.posted"),
    KPI_STATUS_CHANGED("kpi.status_changed");

    /** The event of a test ping, which every webhook takes whatever it chose. */
    public static final String PING = "ping";

    private final String code;

    WebhookEvent(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
