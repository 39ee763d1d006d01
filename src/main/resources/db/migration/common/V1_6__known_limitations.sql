-- What overseers must keep in mind when reading the system's outputs (Art. 13(3)(b)); shown on every review.
ALTER TABLE ai_system ADD COLUMN known_limitations VARCHAR(4000);
