-- A patient's birth year may be unknown: patients created by a genomic import (`import genomics
-- --create-patients`) arrive with a sample id and nothing else. Before this migration they were
-- given the placeholder year 1880; they now carry no year, and age criteria evaluate as unknown
-- for them instead of as "146 years old". Existing placeholder rows are left as they are (this
-- migration writes no clinical data; correct them through the audited API).
alter table patient alter column birth_year drop not null;
