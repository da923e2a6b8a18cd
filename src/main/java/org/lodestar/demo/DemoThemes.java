package org.lodestar.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.engagement.EngagementApi;
import org.lodestar.engagement.ThemeSummary;
import org.lodestar.needs.Assessment;
import org.lodestar.needs.NeedSummary;
import org.lodestar.needs.NeedsApi;
import org.lodestar.planning.PlanningApi;
import org.lodestar.planning.Strategy;

/**
 * The demo's themes: the open answers of the demo survey when the survey part loaded one, else sixty sample comments of
 * families, staff and students (written for the demo and titled as sample data), grouped into themes, one theme renamed
 * by the planner, linked to a need of the district's 2025-26 needs assessment when it has one, and one "you said, we
 * did" entry published. Sixty comments keep the load to the few seconds the sentence model takes to start. Cedar
 * Elementary's principal gets a set of their own school: twenty comments heard at the "talk about ideas" session of
 * Cedar's 2025-26 needs assessment (its assessment and a need made here when the needs part made none), grouped into
 * themes and left unlinked, for the principal to link to Cedar's need.
 */
final class DemoThemes {

    static final String TITLE = "Spring listening sessions 2026 (sample comments)";
    static final String SURVEY_TITLE = "Family and staff survey 2025-26: open answers (sample data)";
    static final String CEDAR_TITLE = "Cedar family night 2026: comments heard (sample data)";
    static final String CEDAR_ASSESSMENT = "Cedar Elementary 2025-26 needs assessment";

    private final EngagementApi engagement;
    private final NeedsApi needs;
    private final PlanningApi planning;
    private final DemoPeople people;

    DemoThemes(EngagementApi engagement, NeedsApi needs, PlanningApi planning, DemoPeople people) {
        this.engagement = engagement;
        this.needs = needs;
        this.planning = planning;
        this.people = people;
    }

    void load() {
        loadDistrict();
        loadCedar();
    }

    private void loadDistrict() {
        SignedInUser planner = people.as("planner");
        // the demo survey's open answers when the survey part loaded it (the survey with the most comments), else ours
        UUID setId = engagement.surveysWithComments(planner.districtId()).keySet().stream()
                .findFirst()
                .map(survey -> engagement.commentSet(
                        planner, SURVEY_TITLE, org.lodestar.engagement.CommentSource.SURVEY, List.of(survey)))
                .orElseGet(() -> engagement.pasteComments(planner, TITLE, "en", comments()));
        if (!engagement.findThemesNow(planner, setId)) {
            return;
        }
        List<ThemeSummary> themes = engagement.themes(planner.districtId(), setId);
        if (themes.isEmpty()) {
            return;
        }
        // the planner names the theme about getting to school in the team's words (the largest theme when no theme
        // quotes buses), links it to the absenteeism need and to the actions that answer it, and tells the public
        UUID districtId = planner.districtId();
        ThemeSummary named = themes.stream()
                .filter(theme -> quotesGettingToSchool(districtId, theme))
                .findFirst()
                .orElse(themes.get(0));
        engagement.renameTheme(planner, named.id(), NAMED, named.version());
        needOf2025(districtId, "Chronic absenteeism")
                .ifPresent(need -> engagement.linkTheme(planner, named.id(), need, true));
        List<UUID> actions = new java.util.ArrayList<>();
        action(districtId, "Walking school bus").ifPresent(actions::add);
        action(districtId, "Attendance teams").ifPresent(actions::add);
        actions.forEach(action -> engagement.linkTheme(planner, named.id(), action, false));
        UUID quote = engagement.comments(districtId, named.representatives()).stream()
                .filter(comment -> GETTING_TO_SCHOOL.matcher(comment.text()).find())
                .map(org.lodestar.engagement.OpenComment::id)
                .findFirst()
                .orElse(null);
        UUID entry = engagement.writeYouSaid(
                planner,
                named.id(),
                "In our family and staff survey (sample data), families told us that late buses and long walks make"
                        + " their children miss the start of the school day.",
                "En nuestra encuesta a familias y personal (datos de ejemplo), las familias nos dijeron que los"
                        + " autobuses tarde y los largos trayectos a pie hacen que sus hijos pierdan el inicio de clases.",
                "We started a walking school bus from the Riverside apartments, and attendance teams now call a family"
                        + " after the third absence.",
                "Empezamos un autobús escolar a pie desde los apartamentos Riverside, y los equipos de asistencia ahora"
                        + " llaman a la familia después de la tercera ausencia.",
                quote,
                actions);
        engagement.publishYouSaid(planner, entry, true);
    }

    /** Cedar's set: comments heard at a session of Cedar's 2025-26 assessment, grouped, for the principal to link. */
    private void loadCedar() {
        SignedInUser principal = people.as("principal");
        SignedInUser planner = people.as("planner");
        UUID district = principal.districtId();
        if (principal.ledSchools().isEmpty()) {
            return;
        }
        UUID cedar = principal.ledSchools().get(0);
        UUID assessment = needs.assessments(district).stream()
                .filter(a -> cedar.equals(a.schoolId()) && a.schoolYear() == DemoImprovement.YEAR)
                .map(Assessment::id)
                .findFirst()
                .orElseGet(() -> needs.startAssessment(principal, cedar, DemoImprovement.YEAR, CEDAR_ASSESSMENT));
        boolean hasNeed = needs.needs(district, assessment).stream()
                .anyMatch(n -> n.status() != NeedSummary.Status.DISMISSED && n.status() != NeedSummary.Status.MERGED);
        if (!hasNeed) {
            // the need the data suggest (so it keeps its evidence), else written by hand
            String title = "Chronic absence of economically disadvantaged students at Cedar Elementary";
            String description = "Sample data: economically disadvantaged students at Cedar miss school far more often"
                    + " than their classmates, and the gap has not closed in four years.";
            needs.confirmSuggested(principal, assessment, "CHRONIC_ABSENTEEISM", "ECON", title, description)
                    .orElseGet(() -> needs.addNeed(
                            principal,
                            assessment,
                            title,
                            description,
                            org.lodestar.needs.CnaArea.ATTENDANCE_AND_BEHAVIOR,
                            true));
        }
        List<UUID> stages = engagement.planConversation(planner, assessment, java.util.Locale.ENGLISH);
        UUID session = stages.get(Math.min(1, stages.size() - 1));
        cedarComments()
                .forEach((text, audience) ->
                        engagement.recordCommentHeard(planner, session, audience, "en", text, List.of()));
        UUID setId = engagement.commentSet(
                planner, CEDAR_TITLE, org.lodestar.engagement.CommentSource.SESSION, List.of(session));
        if (engagement.findThemesNow(planner, setId)) {
            // the planner read the family night's comments and kept each theme's words as its name: a theme of fewer
            // comments than the minimum n shows a leader its words only once a planner has named it
            engagement
                    .themes(district, setId)
                    .forEach(theme -> engagement.renameTheme(planner, theme.id(), theme.label(), theme.version()));
        }
    }

    private static Map<String, org.lodestar.planning.Consultation.Audience> cedarComments() {
        var families = org.lodestar.planning.Consultation.Audience.FAMILIES;
        var teachers = org.lodestar.planning.Consultation.Audience.TEACHERS;
        Map<String, org.lodestar.planning.Consultation.Audience> all = new LinkedHashMap<>();
        for (String text : List.of(
                "The morning bus to Cedar is often late, so my son misses the start of class.",
                "When the bus does not come we have no other way to get to school.",
                "Please call us the same day our child is absent, not a week later.",
                "I did not know my daughter had missed so many days until the letter came.",
                "A text message when my child is marked absent would help a lot.",
                "My kids get sick often in winter and fall behind when they miss school.",
                "The school nurse is only here two days a week.",
                "We would come to more events if they were in the evening and in Spanish.",
                "Family night was great; please hold one every month.",
                "Reading homework in Spanish would let us help at home.",
                "Breakfast at school makes my son want to get there on time.",
                "Attendance awards work for my kids; they love the certificates.")) {
            all.put(text, families);
        }
        for (String text : List.of(
                "Students who ride the north route bus lose the first twenty minutes of reading.",
                "We call home after the third absence but many numbers are out of date.",
                "A family liaison who speaks Spanish would help us reach more parents.",
                "Kids who miss Mondays and Fridays fall behind in phonics fastest.",
                "Greeting students by name at the door has made mornings calmer.",
                "We need a way to see attendance patterns weekly, not at the end of the month.",
                "Some families need help with winter coats and shoes to come every day.",
                "Our reading groups work best when the same students come every day.")) {
            all.put(text, teachers);
        }
        return all;
    }

    /** The team's name for the theme about getting to school. */
    static final String NAMED = "Getting to school: late buses and long walks";

    private static final java.util.regex.Pattern GETTING_TO_SCHOOL =
            java.util.regex.Pattern.compile("\\b(bus|buses|autob[uú]s)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** Whether most of a theme's representative comments speak of buses. */
    private boolean quotesGettingToSchool(UUID districtId, ThemeSummary theme) {
        List<org.lodestar.engagement.OpenComment> quoted = engagement.comments(districtId, theme.representatives());
        long aboutBuses = quoted.stream()
                .filter(comment -> GETTING_TO_SCHOOL.matcher(comment.text()).find())
                .count();
        return !quoted.isEmpty() && aboutBuses * 2 > quoted.size();
    }

    /** An action of the district's 2025-26 improvement plan whose title starts with the words. */
    private java.util.Optional<UUID> action(UUID districtId, String start) {
        return planning.plans(districtId).stream()
                .filter(plan -> plan.title().equals(DemoImprovement.DISTRICT_PLAN))
                .findFirst()
                .flatMap(plan -> planning.nodesOfPlan(districtId, plan.id()).strategies().stream()
                        .filter(strategy -> strategy.title().startsWith(start))
                        .map(Strategy::id)
                        .findFirst());
    }

    /** A need of the district's 2025-26 assessment whose title starts with the words, neither merged nor dismissed. */
    private java.util.Optional<UUID> needOf2025(UUID districtId, String start) {
        return needs.assessments(districtId).stream()
                .filter(a -> a.schoolId() == null && a.schoolYear() == 2025)
                .map(Assessment::id)
                .flatMap(id -> needs.needs(districtId, id).stream())
                .filter(n -> n.status() != NeedSummary.Status.DISMISSED && n.status() != NeedSummary.Status.MERGED)
                .filter(n -> n.title().startsWith(start))
                .map(NeedSummary::id)
                .findFirst();
    }

    private static Map<String, org.lodestar.planning.Consultation.Audience> comments() {
        var families = org.lodestar.planning.Consultation.Audience.FAMILIES;
        var staff = org.lodestar.planning.Consultation.Audience.STAFF;
        var teachers = org.lodestar.planning.Consultation.Audience.TEACHERS;
        var students = org.lodestar.planning.Consultation.Audience.STUDENTS;
        Map<String, org.lodestar.planning.Consultation.Audience> all = new LinkedHashMap<>();
        for (String text : List.of(
                "The bus to Cedar is late three or four mornings a week and my son misses breakfast.",
                "Bus routes were changed without telling parents; we found out at the stop.",
                "My daughter rides the bus for over an hour each way. That is too long for a seven-year-old.",
                "Please post bus delays on the app so we are not waiting in the cold.",
                "The north route bus skips our stop when it is running late.",
                "We need a bus stop closer to the apartments on Mill Road; kids walk along the highway.",
                "Transportation is the biggest reason my kids are late, not anything they do.",
                "I would love to know who to call when the bus does not come.",
                "Homework in third grade takes two hours a night and we both work evenings.",
                "We do not understand the new math homework and cannot help our children.",
                "Please send homework in Spanish too so we can help at home.",
                "Teachers are great but I never know how my child is doing until report cards.",
                "I want more conferences or a simple weekly update on how my child is doing.",
                "The parent portal is confusing and my password never works.",
                "Messages from school come in English only; my family reads Spanish.",
                "I found out about the family night the day after it happened.",
                "Please have evening meetings; I cannot come at 3 pm because of work.",
                "My son was bullied at recess and nobody called me.",
                "The playground needs more adults watching at lunch.",
                "Kids need somewhere safe to go after school until parents get home.",
                "The after-school program fills up in one day and there is a long waiting list.",
                "My child needs tutoring in reading but there is no space in the program.",
                "Lunch is too short; my daughter comes home hungry every day.",
                "More fruit and vegetables at lunch, please, and fewer fried foods.")) {
            all.put(text, families);
        }
        for (String text : List.of(
                "We lose twenty minutes of first period every day to late buses.",
                "Chronic absence is highest among students who rely on the north route bus.",
                "We need time during the day to plan together; PLC time keeps being cancelled.",
                "New teachers need a mentor for the whole first year, not just two meetings.",
                "Substitutes are hard to find, so we cover classes during our planning time.",
                "Too many initiatives at once; we never get good at any of them.",
                "The reading curriculum is good but we were never trained on the small-group part.",
                "Students who are learning English need more support in math class, not only in ELD.",
                "We need more counselors; one counselor for 500 students is not enough.",
                "Behavior referrals take weeks to get a response from the office.",
                "Families want to help but our newsletters are long and only in English.",
                "Chromebooks break and take a month to be repaired.",
                "The Wi-Fi in the portable classrooms drops every afternoon.",
                "Staff turnover at our school means students see new faces every year.",
                "Salaries have not kept up with the districts around us; good people leave.",
                "Paraprofessionals are the first to be cut and the ones students know best.")) {
            all.put(text, teachers);
        }
        for (String text : List.of(
                "The front office needs a Spanish speaker every day, not only on Tuesdays.",
                "Custodial staff are stretched across two buildings.",
                "Bus drivers are short, so we double up routes and everyone is late.",
                "Kitchen staff could serve faster with a second line at lunch.")) {
            all.put(text, staff);
        }
        for (String text : List.of(
                "The bus is always late so I miss the start of class and get marked tardy.",
                "Homework is too much when you also have practice and a job.",
                "I do not have a quiet place or internet at home to do homework.",
                "Lunch is too short and the line is too long, so I do not eat.",
                "I wish there were more clubs after school, like robotics or art.",
                "Some classes are boring because we only do worksheets.",
                "I want a teacher or counselor I can talk to when things are hard.",
                "Bullying happens online and at school and adults do not see it.",
                "We need more tutoring before tests, not just after we fail.",
                "The bathrooms are dirty and often locked.",
                "My laptop is broken and I had to share with my brother for a month.",
                "Teachers who know our names and ask how we are make me want to come to school.",
                "More sports and music would make school better.",
                "Classes are too crowded; there are not enough desks.",
                "I want to learn about jobs and college earlier, not only senior year.",
                "The school should help students who just moved here from another country.")) {
            all.put(text, students);
        }
        return all;
    }
}
