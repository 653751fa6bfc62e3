-- Accounts: find a lawyer's accounts quickly (notifications)
CREATE INDEX HJ_ACCOUNT_LAWYER ON HJ_ACCOUNT (LAWYER_ID);
