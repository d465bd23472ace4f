PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE stacks(
  name TEXT PRIMARY KEY, stack_id TEXT NOT NULL, status TEXT NOT NULL,
  status_reason TEXT NOT NULL DEFAULT '', template TEXT, parameters TEXT, outputs TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, generation INTEGER NOT NULL DEFAULT 0);
CREATE TABLE template_history(
  stack TEXT NOT NULL, generation INTEGER NOT NULL, template TEXT NOT NULL,
  parameters TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY(stack, generation));
CREATE TABLE resources(
  stack TEXT NOT NULL, logical_id TEXT NOT NULL, physical_id TEXT NOT NULL, type TEXT NOT NULL,
  status TEXT NOT NULL, role TEXT NOT NULL, properties TEXT, attributes TEXT,
  deletion_policy TEXT NOT NULL DEFAULT '', update_replace_policy TEXT NOT NULL DEFAULT '',
  created_by_op INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(stack, logical_id, physical_id));
CREATE TABLE exports(name TEXT PRIMARY KEY, stack TEXT NOT NULL, value TEXT NOT NULL);
CREATE TABLE imports(export_name TEXT NOT NULL, stack TEXT NOT NULL,
  PRIMARY KEY(export_name, stack));
CREATE TABLE events(
  id INTEGER PRIMARY KEY AUTOINCREMENT, stack TEXT NOT NULL, operation INTEGER NOT NULL,
  timestamp TEXT NOT NULL, logical_id TEXT NOT NULL, physical_id TEXT NOT NULL,
  type TEXT NOT NULL, status TEXT NOT NULL, reason TEXT NOT NULL);
CREATE TABLE operations(
  id INTEGER PRIMARY KEY AUTOINCREMENT, stack TEXT NOT NULL, kind TEXT NOT NULL,
  phase TEXT NOT NULL, on_failure TEXT NOT NULL, holder TEXT NOT NULL, started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL DEFAULT '', prior TEXT, desired TEXT);
CREATE TABLE journal(
  operation INTEGER NOT NULL, seq INTEGER NOT NULL, logical_id TEXT NOT NULL,
  action TEXT NOT NULL, phase TEXT NOT NULL, token TEXT NOT NULL, physical_id TEXT NOT NULL,
  data TEXT, PRIMARY KEY(operation, seq));
CREATE TABLE locks(stack TEXT PRIMARY KEY, holder TEXT NOT NULL, pid INTEGER NOT NULL,
  host TEXT NOT NULL, acquired_at TEXT NOT NULL);
CREATE TABLE cloud(
  type TEXT NOT NULL, physical_id TEXT NOT NULL, token TEXT NOT NULL UNIQUE,
  last_token TEXT NOT NULL, properties TEXT, attributes TEXT, PRIMARY KEY(type, physical_id));
INSERT INTO meta VALUES('schema_version', '1');
ALTER TABLE cloud ADD COLUMN retained INTEGER NOT NULL DEFAULT 0;
CREATE INDEX events_by_stack ON events(stack, id);
CREATE INDEX operations_by_stack ON operations(stack, phase);
UPDATE meta SET value = '2' WHERE key = 'schema_version';
INSERT INTO stacks VALUES('app','arn:aws:cloudformation:us-east-1:123456789012:stack/app/1','UPDATE_COMPLETE','','{"Parameters": {"Env": {"Type": "String", "Default": "prod"}}, "Resources": {"Bucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "app-bucket-1"}}, "Topic": {"Type": "AWS::SNS::Topic", "DependsOn": "Bucket", "Properties": {"TopicName": {"Fn::Sub": "${AWS::StackName}-${Env}"}}}}, "Outputs": {"Arn": {"Value": {"Fn::GetAtt": ["Bucket", "Arn"]}, "Export": {"Name": "app-arn"}}}}','{"Env": "prod"}','[{"OutputKey": "Arn", "OutputValue": "arn:aws:s3:::app-bucket-1", "Description": "", "ExportName": "app-arn"}]','2026-01-01T00:„0:00.000Z','2026-01-01T00:01:00.000Z',1);
INSERT INTO template_history VALUES('app',1,'{"Parameters": {"Env": {"Type": "String", "Default": "prod"}}, "Resources": {"Bucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "app-bucket-1"}}, "Topic": {"Type": "AWS::SNS::Topic", "DependsOn": "Bucket", "Properties": {"TopicName": {"Fn::Sub": "${AWS::StackName}-${Env}"}}}}, "Outputs": {"Arn": {"Value": {"Fn::GetAtt": ["Bucket", "Arn"]}, "Export": {"Name": "app-arn"}}}}','{"Env": "prod"}','2026-01-01T00:00:00.000Z');
INSERT INTO resources VALUES('app','Bucket','app-bucket-1','AWS::S3::Bucket','CREATE_COMPLETE','current','{"BucketName": "app-bucket-1"}','{"Arn": "arn:aws:s3:::app-bucket-1"}','','',1);
INSERT INTO resources VALUES('app','Topic','arn:aws:sns:us-east-1:123456789012:app-prod','AWS::SNS::Topic','CREATE_COMPLETE','current','{"TopicName": "app-prod"}','{"TopicArn": "arn:aws:sns:us-east-1:123456789012:app-prod"}','Retain','',1);
INSERT INTO exports VALUES('app-arn','app','arn:aws:s3:::app-bucket-1');
INSERT INTO imports VALUES('app-arn','web');
INSERT INTO events VALUES(1,'app',1,'2026-01-01T00:00:00.000Z','app','arn:aws:cloudformation:us-east-1:123456789012:stack/app/1','AWS::CloudFormation::Stack','CREATE_COMPLETE','');
INSERT INTO events VALUES(2,'app',2,'2026-01-01T00:01:00.000Z','Bucket','app-bucket-1','AWS::S3::Bucket','UPDATE_IN_PROGRESS','');
INSERT INTO operations VALUES(1,'app','CREATE','DONE','RoLLBACK','cfnx deploy (pid 1, a@h)','2026-01-01T00:00:00.000Z','2026-01-01T00:00:30.000Z',NULL,NULL);
INSERT INTO cloud VALUES('AWS::S3::Bucket','app-bucket-1','tok-1','tok-1','{"BucketName": "app-bucket-1"}','{"Arn": "arn:aws:s3:::app-bucket-1"}',0);
INSERT INTO cloud VALUES('AWS::SNS::Topic','arn:aws:sns:us-east-1:123456789012:app-prod','tok-2','tok-2','{"TopicName": "app-prod"}','{}',0);
COMMIT;
