package org.lodestar.shared;

/**
 * Someone saved the item after this person read it (optimistic locking): the save is refused instead of silently
 * replacing the other edit. Every editable row carries a {@code version} that each save checks and raises
 * ({@code ... set version = version + 1 where ... and version = ?}); a form or API call sends the version it read.
 */
public class EditConflictException extends RuntimeException {

    private final String item;

    public EditConflictException(String item) {
        super(item + " was changed by someone else after it was read");
        this.item = item;
    }

    /** What was being saved, for the message ("goal", "KPI"...). */
    public String item() {
        return item;
    }

    /**
     * The version a form or call says it read; one that names none read none, so its save of an existing item is
     * refused rather than taken as the newest.
     */
    public static int versionRead(Integer sent) {
        return sent == null ? -1 : sent;
    }

    /** Refuses a save whose versioned update changed no row: the row's version moved on since it was read. */
    public static void unlessSaved(int updatedRows, String item) {
        if (updatedRows == 0) {
            throw new EditConflictException(item);
        }
    }
}
