-- The currency a district plans and reports money in (ISO 4217); amounts are shown in it, in the reader's language.
alter table district add column currency text not null default 'USD' check (currency ~ '^[A-Z]{3}$');
