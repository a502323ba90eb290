import { Connection } from "../common/connection.type";
import { Team } from "./team.type";
import { User } from "./user.type";

export const UserConnection = Connection("UserConnection", "UserEdge", User);
export const TeamConnection = Connection("TeamConnection", "TeamEdge", Team);
