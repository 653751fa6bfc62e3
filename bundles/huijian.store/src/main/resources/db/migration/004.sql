-- Accounts: an e-mail address for notifications
ALTER TABLE HJ_ACCOUNT ADD COLUMN EMAIL VARCHAR(200);
