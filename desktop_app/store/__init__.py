"""The data layer: peewee models, the database connection, migrations, search index and backups."""
