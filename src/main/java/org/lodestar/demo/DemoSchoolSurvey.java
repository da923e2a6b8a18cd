package org.lodestar.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.lodestar.directory.SignedInUser;
import org.lodestar.engagement.EngagementApi;
import org.lodestar.engagement.SurveyQuestionKind;
import org.lodestar.engagement.SurveyQuestionSetup;
import org.lodestar.engagement.SurveySampleResponse;
import org.lodestar.engagement.SurveySetup;
import org.lodestar.needs.Assessment;
import org.lodestar.needs.NeedsApi;
import org.lodestar.planning.Consultation.Audience;

/**
 * Cedar's own survey of its needs assessment, "Cedar family survey 2025-26": three questions in English and Spanish
 * about getting to school every day, and 96 responses of families and teachers generated from a fixed seed over the
 * three weeks before the first start, most with an open answer. Its comments are left ungrouped: the principal groups
 * them into themes beside the school's needs (README, "The demo district"). Its introduction says it is sample data.
 */
final class DemoSchoolSurvey {

    static final String TITLE = "Cedar family survey 2025-26";

    private static final long SEED = 2_025_262L;
    private static final int FAMILIES = 78;
    private static final int TEACHERS = 18;

    /** What would help a child come to school every day, as families and teachers of Cedar say it. */
    private static final List<String> HELP_EN = List.of(
            "A bus that comes on time. The north route is late three mornings a week.",
            "When the bus does not come we have no car, so my daughter stays home.",
            "A bus stop closer to the Riverside apartments; the walk along Mill Road is not safe.",
            "A walking group with an adult from our building to the school.",
            "A phone call the same morning my son is absent, not a letter weeks later.",
            "Text me when my child is marked absent so I can find out why.",
            "I did not know how many days my son had missed until the report card.",
            "Breakfast at school so my kids want to be there early.",
            "Help with winter coats and boots; on cold days my kids cannot walk that far.",
            "A nurse every day. My daughter is sent home for small things when the nurse is out.",
            "Clinic hours at school so we do not miss a whole day for a checkup.",
            "Reading homework in Spanish so we can help at home and my son feels less behind.",
            "My son says he is bored and behind; more help in reading would make him want to come.",
            "Teachers who know my child and greet him by name in the morning.",
            "Family nights in the evening, when we are not working.",
            "Awards for coming every day; my kids love the certificates.",
            "Someone at the office who speaks Spanish when I call about an absence.",
            "Mondays are hard after weekends away with family; a reminder on Sunday would help.",
            "Kids who miss a lot need a plan to catch up, not just a warning.",
            "A friend at school. My daughter stays home when she feels alone at recess.");

    private static final List<String> HELP_TEACHERS = List.of(
            "Weekly attendance lists by class so we can call home before the absences pile up.",
            "Up-to-date phone numbers: half the numbers in our class lists no longer work.",
            "A family liaison who speaks Spanish to make the calls teachers cannot.",
            "Students on the north route miss the first twenty minutes of reading most weeks.",
            "Breakfast in the classroom so late buses do not mean missed breakfast.",
            "A plan with each family of a chronically absent student, written together.",
            "Time in the day to call families; we only manage it after school.",
            "Greeting students at the door has made mornings calmer; every class should do it.");

    private static final List<String> HELP_ES = List.of(
            "Un autobús que llegue a tiempo; la ruta del norte llega tarde casi todas las semanas.",
            "Cuando el autobús no pasa no tenemos carro y mi hija se queda en casa.",
            "Una parada de autobús más cerca de los apartamentos Riverside.",
            "Que me llamen la misma mañana que mi hijo falta.",
            "Un mensaje de texto en español cuando mi hija no llega a clase.",
            "Desayuno en la escuela para que los niños lleguen temprano.",
            "Ayuda con abrigos y botas para el invierno; hace mucho frío para caminar.",
            "Una enfermera todos los días en la escuela.",
            "Tareas de lectura en español para poder ayudar en casa.",
            "Alguien en la oficina que hable español cuando llamo por una falta.",
            "Noches para las familias en la tarde, cuando no trabajamos.",
            "Un grupo para caminar a la escuela con un adulto de nuestro edificio.");

    private static final List<String> OPENINGS_EN =
            List.of("", "", "", "Honestly, ", "For our family: ", "As a mom of two, ", "Simple: ");
    private static final List<String> ENDINGS_EN =
            List.of("", "", "", " Thank you.", " That would change a lot for us.", " Please.");
    private static final List<String> OPENINGS_ES = List.of("", "", "", "Sinceramente, ", "Para nuestra familia: ");
    private static final List<String> ENDINGS_ES = List.of("", "", " Gracias.", " Eso nos ayudaría mucho.");

    private final EngagementApi engagement;
    private final NeedsApi needs;
    private final SignedInUser planner;
    private final SignedInUser principal;
    private final Random random = new Random(SEED);

    DemoSchoolSurvey(EngagementApi engagement, NeedsApi needs, SignedInUser planner, SignedInUser principal) {
        this.engagement = engagement;
        this.needs = needs;
        this.planner = planner;
        this.principal = principal;
    }

    /** The survey of the principal's school's 2025-26 assessment, when the demo made that assessment. */
    void load() {
        if (principal.ledSchools().isEmpty()) {
            return;
        }
        UUID school = principal.ledSchools().get(0);
        needs.assessments(planner.districtId()).stream()
                .filter(a -> school.equals(a.schoolId()) && a.schoolYear() == DemoImprovement.YEAR)
                .map(Assessment::id)
                .findFirst()
                .ifPresent(this::load);
    }

    private void load(UUID assessment) {
        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        UUID survey = engagement.addSurvey(
                planner,
                new SurveySetup(
                        TITLE,
                        "Encuesta a las familias de Cedar 2025-26",
                        "Sample data: this survey and its answers were generated for the demo district. What would"
                                + " help your child come to school every day? Your answers shape Cedar's plan.",
                        "Datos de muestra: esta encuesta y sus respuestas se generaron para el distrito de"
                                + " demostración. ¿Qué ayudaría a su hijo a venir a la escuela todos los días? Sus"
                                + " respuestas orientan el plan de Cedar.",
                        List.of(Audience.FAMILIES, Audience.TEACHERS),
                        today.plusDays(10),
                        assessment),
                List.of(
                        new SurveyQuestionSetup(
                                SurveyQuestionKind.LIKERT,
                                "My child is glad to come to school most mornings.",
                                "A mi hijo le gusta venir a la escuela la mayoría de las mañanas.",
                                List.of(),
                                List.of(),
                                null),
                        new SurveyQuestionSetup(
                                SurveyQuestionKind.SINGLE,
                                "How does your child usually get to school?",
                                "¿Cómo llega su hijo normalmente a la escuela?",
                                List.of("School bus", "Walking", "Car", "Other"),
                                List.of("Autobús escolar", "Caminando", "Carro", "Otro"),
                                null),
                        new SurveyQuestionSetup(
                                SurveyQuestionKind.OPEN,
                                "What would help your child come to school every day?",
                                "¿Qué ayudaría a su hijo a venir a la escuela todos los días?",
                                List.of(),
                                List.of(),
                                null)),
                true);
        engagement.addSampleResponses(planner, survey, responses());
    }

    private List<SurveySampleResponse> responses() {
        Instant firstStart = Instant.now();
        List<SurveySampleResponse> responses = new ArrayList<>();
        for (int i = 0; i < FAMILIES + TEACHERS; i++) {
            responses.add(response(i < FAMILIES ? Audience.FAMILIES : Audience.TEACHERS, firstStart));
        }
        return responses;
    }

    private SurveySampleResponse response(Audience audience, Instant firstStart) {
        boolean spanish = audience == Audience.FAMILIES && random.nextDouble() < 0.4;
        Instant at = firstStart.minus(Duration.ofDays(21)).plus(Duration.ofMinutes(random.nextInt(20 * 24 * 60)));
        Map<Integer, List<Integer>> choices = new LinkedHashMap<>();
        Map<Integer, String> texts = new LinkedHashMap<>();
        choices.put(0, List.of(1 + Math.min(4, Math.max(0, (int) Math.round(2.4 + random.nextGaussian())))));
        if (audience == Audience.FAMILIES) {
            // most of Cedar's families ride the bus, a third walk
            double way = random.nextDouble();
            choices.put(1, List.of(way < 0.5 ? 0 : way < 0.82 ? 1 : way < 0.96 ? 2 : 3));
        }
        if (random.nextDouble() < 0.8) {
            List<String> said = audience == Audience.TEACHERS ? HELP_TEACHERS : spanish ? HELP_ES : HELP_EN;
            texts.put(2, comment(said.get(random.nextInt(said.size())), spanish));
        }
        return new SurveySampleResponse(audience, spanish ? "es" : "en", at, choices, texts);
    }

    private String comment(String text, boolean spanish) {
        return DemoSurvey.phrased(random, text, spanish ? OPENINGS_ES : OPENINGS_EN, spanish ? ENDINGS_ES : ENDINGS_EN);
    }
}
