import { Connection } from "../common/connection.type";
import { Organization } from "../organization/organization.type";

export const OrganizationConnection = Connection("OrganizationConnection", "OrganizationEdge", Organization);
