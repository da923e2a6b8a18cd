package org.lodestar.needs;

import java.util.List;
import java.util.Locale;
import org.lodestar.directory.SignedInUser;

/**
 * Tells an assessment's page what other modules hold about it (the staged conversation, surveys), so that a team finds
 * them from the assessment. Needs declares it and engagement implements it, as with {@link LinkedThemeSource}; each
 * source lists only what the reader may open.
 */
public interface AssessmentWorkSource {

    List<AssessmentWork> about(SignedInUser reader, Assessment assessment, Locale locale);
}
