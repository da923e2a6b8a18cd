-- Sign-in attempts are logged by the directory module (sign_in_event); this table was never used.
drop table sign_in_attempt;
