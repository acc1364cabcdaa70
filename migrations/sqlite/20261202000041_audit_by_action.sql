-- Every workspace page asks when an action was last recorded (a console recovery of operator
-- access, announced for 30 days): found by index, not by reading the whole log.
CREATE INDEX audit_log_by_action ON audit_log (action, at);
