-- Plan content may be entered in both languages Lodestar speaks: the existing columns hold it in the district's
-- language (district.default_language), these the translation into the other one, null when nobody translated it.
-- A reader sees their language, else the other one, marked with its language.
alter table plan add column title_translation text,
    add column vision_translation text,
    add column mission_translation text,
    add column core_values_translation text;
alter table goal add column title_translation text;
alter table outcome add column title_translation text;
alter table strategy add column title_translation text;
