-- The day a quarterly review is talked through: it goes into the calendar feeds of the people whose work it reviews.
alter table quarterly_review add column meeting_on date;
