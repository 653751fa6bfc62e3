-- Audit log: the newest events first without sorting the whole log (Derby reads an index in its own order only)
CREATE INDEX HJ_AUDIT_SEQ_DESC ON HJ_AUDIT_EVENT (SEQ DESC);
