package org.lodestar.demo;

import java.util.Map;

/**
 * The Spanish the demo district's planners added to its plan: its title and statements, its goals and outcomes, and
 * the KPIs families read on the public scorecard, much as a district translates what the public sees first. What is not
 * here is shown in English to Spanish readers, marked as English.
 */
final class DemoSpanish {

    private static final Map<String, String> SPANISH = Map.ofEntries(
            Map.entry("Lakeview 2030: Every Student Ready", "Lakeview 2030: cada estudiante preparado"),
            Map.entry(
                    "Every Lakeview graduate is ready for college, career and community.",
                    "Cada graduado de Lakeview está preparado para la universidad, el trabajo y la comunidad."),
            Map.entry(
                    "We engage every student in rigorous, joyful learning in safe and welcoming schools.",
                    "Involucramos a cada estudiante en un aprendizaje exigente y alegre, en escuelas seguras y"
                            + " acogedoras."),
            Map.entry("Equity · Excellence · Belonging · Integrity", "Equidad · Excelencia · Pertenencia · Integridad"),
            Map.entry(
                    "Every student reads, writes and computes at grade level",
                    "Cada estudiante lee, escribe y calcula al nivel de su grado"),
            Map.entry(
                    "Students read and compute at grade level by grades 3 and 8",
                    "Los estudiantes leen y calculan al nivel de su grado en 3.º y 8.º"),
            Map.entry(
                    "Graduates leave ready for college, career and community",
                    "Los graduados salen preparados para la universidad, el trabajo y la comunidad"),
            Map.entry("Grade 3 reading proficiency", "Competencia lectora en 3.er grado"),
            Map.entry("Grade 8 math proficiency", "Competencia en matemáticas en 8.º grado"),
            Map.entry("Four-year graduation rate", "Tasa de graduación en cuatro años"),
            Map.entry(
                    "Close opportunity gaps between student groups",
                    "Cerrar las brechas de oportunidades entre grupos de estudiantes"),
            Map.entry(
                    "Every group has access to advanced work and stays in class",
                    "Cada grupo accede a cursos avanzados y permanece en clase"),
            Map.entry("Suspension rate", "Tasa de suspensiones"),
            Map.entry("Attract, grow and keep excellent educators", "Atraer, formar y retener a educadores excelentes"),
            Map.entry("Safe, healthy and welcoming schools", "Escuelas seguras, saludables y acogedoras"),
            Map.entry(
                    "Students come to school and feel they belong there",
                    "Los estudiantes asisten a la escuela y sienten que pertenecen a ella"),
            Map.entry("Chronic absenteeism", "Ausentismo crónico"),
            Map.entry(
                    "Students who name a trusted adult at school",
                    "Estudiantes que nombran a un adulto de confianza en la escuela"),
            Map.entry("Modern technology for learning and operations", "Tecnología moderna para aprender y operar"));

    private DemoSpanish() {}

    /** The Spanish of an English text of the demo, or null when nobody translated it. */
    static String of(String english) {
        return SPANISH.get(english);
    }
}
