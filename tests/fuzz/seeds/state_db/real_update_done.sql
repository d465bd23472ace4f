PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta VALUES('schema_version','2');
CREATE TABLE stacks(
  name TEXT PRIMARY KEY, stack_id TEXT NOT NULL, status TEXT NOT NULL,
  status_reason TEXT NOT NULL DEFAULT '', template TEXT, parameters TEXT, outputs TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, generation INTEGER NOT NULL DEFAULT 0);
INSERT INTO stacks VALUES('app','arn:aws:cloudformation:us-east-1:123456789012:stack/app/caa327e3-2be5-22d8-a66d-759bfe01426b','UPDATE_COMPLETE','','{"Parameters":{"Env":{"Type":"String","Default":"prod"}},"Resources":{"Bucket":{"Type":"AWS::S3::Bucket","Properties":{"BucketName":{"Fn::Sub":"app2-${Env}"}}},"Topic":{"Type":"AWS::SNS::Topic","DependsOn":"Bucket","Properties":{"TopicName":{"Fn::Sub":"${AWS::StackName}-t"}}},"Queue":{"Type":"AWS::SQS::Queue","DeletionPolicy":"Delete"}},"Outputs":{"Arn":{"Value":{"Fn::GetAtt":["Bucket","Arn"]},"Export":{"Name":"app-arn"}}}}','{"Env":"prod"}','[{"OutputKey":"Arn","OutputValue":"arn:aws:s3:::app2-prod","ExportName":"app-arn"}]','2026-12-07T14:19:46.202Z','2026-12-07T14:19:46.663Z',2);
CREATE TABLE template_history(
  stack TEXT NOT NULL, generation INTEGER NOT NULL, template TEXT NOT NULL,
  parameters TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY(stack, generation));
INSERT INTO template_history VALUES('app',1,'{"Parameters":{"Env":{"Type":"String","Default":"prod"}},"Resources":{"Bucket":{"Type":"AWS::S3::Bucket","Properties":{"BucketName":{"Fn::Sub":"app-${Env}"}}},"Topic":{"Type":"AWS::SNS::Topic","DependsOn":"Bucket","Properties":{"TopicName":{"Fn::Sub":"${AWS::StackName}-t"}}},"Queue":{"Type":"AWS::SQS::Queue","DeletionPolicy":"Retain"}},"Outputs":{"Arn":{"Value":{"Fn::GetAtt":["Bucket","Arn"]},"Export":{"Name":"app-arn"}}}}','{"Env":"prod"}','2026-12-07T14:19:46.204Z');
INSERT INTO template_history VALUES('app',2,'{"Parameters":{"Env":{"Type":"String","Default":"prod"}},"Resources":{"Bucket":{"Type":"AWS::S3::Bucket","Properties":{"BucketName":{"Fn::Sub":"app2-${Env}"}}},"Topic":{"Type":"AWS::SNS::Topic","DependsOn":"Bucket","Properties":{"TopicName":{"Fn::Sub":"${AWS::StackName}-t"}}},"Queue":{"Type":"AWS::SQS::Queue","DeletionPolicy":"Delete"}},"Outputs":{"Arn":{"Value":{"Fn::GetAtt":["Bucket","Arn"]},"Export":{"Name":"app-arn"}}}}','{"Env":"prod"}','2026-12-07T14:19:46.662Z');
CREATE TABLE resources(
  stack TEXT NOT NULL, logical_id TEXT NOT NULL, physical_id TEXT NOT NULL, type TEXT NOT NULL,
  status TEXT NOT NULL, role TEXT NOT NULL, properties TEXT, attributes TEXT,
  deletion_policy TEXT NOT NULL DEFAULT '', update_replace_policy TEXT NOT NULL DEFAULT '',
  created_by_op INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(stack, logical_id, physical_id));
INSERT INTO resources VALUES('app','Bucket','app2-prod','AWS::S3::Bucket','UPDATE_COMPLETE','current','{"BucketName":"app2-prod"}','{"Arn":"arn:aws:s3:::app2-prod","DomainName":"app2-prod.s3.us-east-1.amazonaws.com","DualStackDomainName":"app2-prod.s3.us-east-1.amazonaws.com","MetadataConfiguration.Destination":"bucket-destination-dkevdc3j","MetadataConfiguration.InventoryTableConfiguration.TableArn":"arn:aws:s3:::app2-prod","MetadataConfiguration.InventoryTableConfiguration.TableName":"app2-prod","MetadataConfiguration.JournalTableConfiguration.TableArn":"arn:aws:s3:::app2-prod","MetadataConfiguration.JournalTableConfiguration.TableName":"app2-prod","MetadataTableConfiguration.S3TablesDestination.TableArn":"arn:aws:s3:::app2-prod","MetadataTableConfiguration.S3TablesDestination.TableNamespace":"bucket-tablenamespace-rw0x2kut","RegionalDomainName":"app2-prod.s3.us-east-1.amazonaws.com","WebsiteURL":"https://app2-prod.s3.us-east-1.amazonaws.com"}','','',2);
INSERT INTO resources VALUES('app','Queue','https://sqs.us-east-1.amazonaws.com/123456789012/app-Queue-2IR1Y2DZ3L192','AWS::SQS::Queue','UPDATE_COMPLETE','current','{}','{"Arn":"arn:aws:sqs:us-east-1:123456789012:app-Queue-2IR1Y2DZ3L192","ContentBasedDeduplication":false,"DeduplicationScope":"queue-deduplicationscope-92rokozh","DelaySeconds":312,"FifoQueue":false,"FifoThroughputLimit":"queue-fifothroughputlimit-5rj8b6o1","KmsDataKeyReusePeriodSeconds":414,"KmsMasterKeyId":"1e7ns0wgcb","MaximumMessageSize":632,"MessageRetentionPeriod":18,"QueueName":"app-Queue-2IR1Y2DZ3L192","QueueUrl":"https://sqs.us-east-1.amazonaws.com/123456789012/app-Queue-2IR1Y2DZ3L192","ReceiveMessageWaitTimeSeconds":229,"RedrivePolicy.deadLetterTargetArn":"arn:aws:sqs:us-east-1:123456789012:app-Queue-2IR1Y2DZ3L192","RedrivePolicy.maxReceiveCount":"queue-maxreceivecount-3afxexhu","SqsManagedSseEnabled":false,"Tags":["7df288xt"],"VisibilityTimeout":867}','Delete','',1);
INSERT INTO resources VALUES('app','Topic','arn:aws:sns:us-east-1:123456789012:app-t','AWS::SNS::Topic','CREATE_COMPLETE','current','{"TopicName":"app-t"}','{"ContentBasedDeduplication":false,"DeliveryStatusLogging":["ghq5c7md"],"DisplayName":"app-t","FifoThroughputScope":"topic-fifothroughputscope-nerxjkml","FifoTopic":false,"KmsMasterKeyId":"u1yyz22m29","SignatureVersion":"topic-signatureversion-zxsskfmm","Subscription":["06le4ge7"],"Tags":["gnw1qz7p"],"TopicArn":"arn:aws:sns:us-east-1:123456789012:app-t","TopicName":"app-t","TracingConfig":"topic-tracingconfig-ncbsafrd"}','','',1);
CREATE TABLE exports(name TEXT PRIMARY KEY, stack TEXT NOT NULL, value TEXT NOT NULL);
INSERT INTO exports VALUES('app-arn','app','arn:aws:s3:::app2-prod');
CREATE TABLE imports(export_name TEXT NOT NULL, stack TEXT NOT NULL,
  PRIMARY KEY(export_name, stack));
CREATE TABLE events(
  id INTEGER PRIMARY KEY AUTOINCREMENT, stack TEXT NOT NULL, operation INTEGER NOT NULL,
  timestamp TEXT NOT NULL, logical_id TEXT NOT NULL, physical_id TEXT NOT NULL,
  type TEXT NOT NULL, status TEXT NOT NULL, reason TEXT NOT NULL);
INSERT INTO events VALUES(1,'app',1,'2026-12-07T14:19:46.202Z','app','arn:aws:cloudformation:us-east-1:123456789012:stack/app/caa327e3-2be5-22d8-a66d-759bfe01426b','AWS::CloudFormation::Stack','CREATE_IN_PROGRESS','User Initiated');
INSERT INTO events VALUES(2,'app',1,'2026-12-07T14:19:46.203Z','Bucket','','AWS::S3::Bucket','CREATE_IN_PROGRESS','');
INSERT INTO events VALUES(3,'app',1,'2026-12-07T14:19:46.203Z','Bucket','app-prod','AWS::S3::Bucket','CREATE_COMPLETE','');
INSERT INTO events VALUES(4,'app',1,'2026-12-07T14:19:46.203Z','Queue','','AWS::SQS::Queue','CREATE_IN_PROGRESS','');
INSERT INTO events VALUES(5,'app',1,'2026-12-07T14:19:46.203Z','Queue','https://sqs.us-east-1.amazonaws.com/123456789012/app-Queue-2IR1Y2DZ3L192','AWS::SQS::Queue','CREATE_COMPLETE','');
INSERT INTO events VALUES(6,'app',1,'2026-12-07T14:19:46.204Z','Topic','','AWS::SNS::Topic','CREATE_IN_PROGRESS','');
INSERT INTO events VALUES(7,'app',1,'2026-12-07T14:19:46.204Z','Topic','arn:aws:sns:us-east-1:123456789012:app-t','AWS::SNS::Topic','CREATE_COMPLETE','');
INSERT INTO events VALUES(8,'app',1,'2026-12-07T14:19:46.204Z','app','arn:aws:cloudformation:us-east-1:123456789012:stack/app/caa327e3-2be5-22d8-a66d-759bfe01426b','AWS::CloudFormation::Stack','CREATE_COMPLETE','');
INSERT INTO events VALUES(9,'app',2,'2026-12-07T14:19:46.582Z','app','arn:aws:cloudformation:us-east-1:123456789012:stack/app/caa327e3-2be5-22d8-a66d-759bfe01426b','AWS::CloudFormation::Stack','UPDATE_IN_PROGRESS','User Initiated');
INSERT INTO events VALUES(10,'app',2,'2026-12-07T14:19:46.617Z','Bucket','app-prod','AWS::S3::Bucket','UPDATE_IN_PROGRESS','Requested update requires the creation of a new physical resource; hence creating one.');
INSERT INTO events VALUES(11,'app',2,'2026-12-07T14:19:46.617Z','Queue','https://sqs.us-east-1.amazonaws.com/123456789012/app-Queue-2IR1Y2DZ3L192','AWS::SQS::Queue','UPDATE_IN_PROGRESS','');
INSERT INTO events VALUES(12,'app',2,'2026-12-07T14:19:46.649Z','Bucket','app2-prod','AWS::S3::Bucket','UPDATE_COMPLETE','');
INSERT INTO events VALUES(13,'app',2,'2026-12-07T14:19:46.661Z','Queue','https://sqs.us-east-1.amazonaws.com/123456789012/app-Queue-2IR1Y2DZ3L192','AWS::SQS::Queue','UPDATE_COMPLETE','');
INSERT INTO events VALUES(14,'app',2,'2026-12-07T14:19:46.662Z','app','arn:aws:cloudformation:us-east-1:123456789012:stack/app/caa327e3-2be5-22d8-a66d-759bfe01426b','AWS::CloudFormation::Stack','UPDATE_COMPLETE_CLEANUP_IN_PROGRESS','');
INSERT INTO events VALUES(15,'app',2,'2026-12-07T14:19:46.662Z','Bucket','app-prod','AWS::S3::Bucket','DELETE_IN_PROGRESS','');
INSERT INTO events VALUES(16,'app',2,'2026-12-07T14:19:46.662Z','Bucket','app-prod','AWS::S3::Bucket','DELETE_COMPLETE','');
INSERT INTO events VALUES(17,'app',2,'2026-12-07T14:19:46.663Z','app','arn:aws:cloudformation:us-east-1:123456789012:stack/app/caa327e3-2be5-22d8-a66d-759bfe01426b','AWS::CloudFormation::Stack','UPDATE_COMPLETE','');
CREATE TABLE operations(
  id INTEGER PRIMARY KEY AUTOINCREMENT, stack TEXT NOT NULL, kind TEXT NOT NULL,
  phase TEXT NOT NULL, on_failure TEXT NOT NULL, holder TEXT NOT NULL, started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL DEFAULT '', prior TEXT, desired TEXT);
INSERT INTO operations VALUES(1,'app','CREATE','DONE','ROLLBACK','cfnx deploy (pid 15820, unknown@vm)','2026-12-07T14:19:46.202Z','2026-12-07T14:19:46.204Z','null','null');
INSERT INTO operations VALUES(2,'app','UPDATE','DONE','ROLLBACK','cfnx deploy (pid 15833, unknown@vm)','2026-12-07T14:19:46.582Z','2026-12-07T14:19:46.663Z','null','null');
CREATE TABLE journal(
  operation INTEGER NOT NULL, seq INTEGER NOT NULL, logical_id TEXT NOT NULL,
  action TEXT NOT NULL, phase TEXT NOT NULL, token TEXT NOT NULL, physical_id TEXT NOT NULL,
  data TEXT, PRIMARY KEY(operation, seq));
INSERT INTO journal VALUES(1,1,'Bucket','create','done','op1-1','app-prod','{}');
INSERT INTO journal VALUES(1,2,'Queue','create','done','op1-2','https://sqs.us-east-1.amazonaws.com/123456789012/app-Queue-2IR1Y2DZ3L192','{}');
INSERT INTO journal VALUES(1,3,'Topic','create','done','op1-3','arn:aws:sns:us-east-1:123456789012:app-t','{}');
INSERT INTO journal VALUES(2,1,'Bucket','replace','done','op2-1','app2-prod','{}');
INSERT INTO journal VALUES(2,2,'Queue','update','done','op2-2','https://sqs.us-east-1.amazonaws.com/123456789012/app-Queue-2IR1Y2DZ3L192','{}');
INSERT INTO journal VALUES(2,3,'Bucket','delete','done','op2-3','app-prod','{}');
CREATE TABLE locks(stack TEXT PRIMARY KEY, holder TEXT NOT NULL, pid INTEGER NOT NULL,
  host TEXT NOT NULL, acquired_at TEXT NOT NULL);
CREATE TABLE cloud(
  type TEXT NOT NULL, physical_id TEXT NOT NULL, token TEXT NOT NULL UNIQUE,
  last_token TEXT NOT NULL, properties TEXT, attributes TEXT, retained INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(type, physical_id));
INSERT INTO cloud VALUES('AWS::SNS::Topic','arn:aws:sns:us-east-1:123456789012:app-t','op1-3','op1-3','{"TopicName":"app-t"}','{"ContentBasedDeduplication":false,"DeliveryStatusLogging":["ghq5c7md"],"DisplayName":"app-t","FifoThroughputScope":"topic-fifothroughputscope-nerxjkml","FifoTopic":false,"KmsMasterKeyId":"u1yyz22m29","SignatureVersion":"topic-signatureversion-zxsskfmm","Subscription":["06le4ge7"],"Tags":["gnw1qz7p"],"TopicArn":"arn:aws:sns:us-east-1:123456789012:app-t","TopicName":"app-t","TracingConfig":"topic-tracingconfig-ncbsafrd"}',0);
INSERT INTO cloud VALUES('AWS::S3::Bucket','app2-prod','op2-1','op2-1','{"BucketName":"app2-prod"}','{"Arn":"arn:aws:s3:::app2-prod","DomainName":"app2-prod.s3.us-east-1.amazonaws.com","DualStackDomainName":"app2-prod.s3.us-east-1.amazonaws.com","MetadataConfiguration.Destination":"bucket-destination-dkevdc3j","MetadataConfiguration.InventoryTableConfiguration.TableArn":"arn:aws:s3:::app2-prod","MetadataConfiguration.InventoryTableConfiguration.TableName":"app2-prod","MetadataConfiguration.JournalTableConfiguration.TableArn":"arn:aws:s3:::app2-prod","MetadataConfiguration.JournalTableConfiguration.TableName":"app2-prod","MetadataTableConfiguration.S3TablesDestination.TableArn":"arn:aws:s3:::app2-prod","MetadataTableConfiguration.S3TablesDestination.TableNamespace":"bucket-tablenamespace-rw0x2kut","RegionalDomainName":"app2-prod.s3.us-east-1.amazonaws.com","WebsiteURL":"https://app2-prod.s3.us-east-1.amazonaws.com"}',0);
INSERT INTO cloud VALUES('AWS::SQS::Queue','https://sqs.us-east-1.amazonaws.com/123456789012/app-Queue-2IR1Y2DZ3L192','op1-2','op2-2','{}','{"Arn":"arn:aws:sqs:us-east-1:123456789012:app-Queue-2IR1Y2DZ3L192","ContentBasedDeduplication":false,"DeduplicationScope":"queue-deduplicationscope-92rokozh","DelaySeconds":312,"FifoQueue":false,"FifoThroughputLimit":"queue-fifothroughputlimit-5rj8b6o1","KmsDataKeyReusePeriodSeconds":414,"KmsMasterKeyId":"1e7ns0wgcb","MaximumMessageSize":632,"MessageRetentionPeriod":18,"QueueName":"app-Queue-2IR1Y2DZ3L192","QueueUrl":"https://sqs.us-east-1.amazonaws.com/123456789012/app-Queue-2IR1Y2DZ3L192","ReceiveMessageWaitTimeSeconds":229,"RedrivePolicy.deadLetterTargetArn":"arn:aws:sqs:us-east-1:123456789012:app-Queue-2IR1Y2DZ3L192","RedrivePolicy.maxReceiveCount":"queue-maxreceivecount-3afxexhu","SqsManagedSseEnabled":false,"Tags":["7df288xt"],"VisibilityTimeout":867}',0);
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('operations',2);
INSERT INTO sqlite_sequence VALUES('events',17);
CREATE INDEX events_by_stack ON events(stack, id);
CREATE INDEX operations_by_stack ON operations(stack, phase);
COMMIT;
