-- A KPI says whether its values are about students (rates and counts of students), so that each school or group value
-- must carry its n and none without it is public; budgets and staff counts are not, and need no n. New KPIs are about
-- students unless marked otherwise (the safe mistake); money, the only kind not about students until now, stays so.
alter table kpi add column about_students boolean not null default true;
update kpi set about_students = false where unit = 'CURRENCY';
